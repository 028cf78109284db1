package io.mipgate.module;

import io.mipgate.transport.LinkSpec;
import io.mipgate.transport.SerialLink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds modules on serial ports nobody configured: every device matching the include globs (e.g.
 * {@code /dev/ttyUSB*}) that is not already claimed is opened and asked {@code AT}; the ones that answer {@code OK}
 * on a line of its own are returned as link specs for new workers.
 *
 * <p>A USB module exposes several ttys (ML307A: four, AT usually on the third, FIELD-NOTES §13), and only one of
 * them is the AT port; the others carry modem data or diagnostics, where {@code AT} may be answered with garbage or
 * not at all. So ttys are grouped by their USB device (sysfs, {@link UsbSerialPorts}) and one port is picked per
 * device: the conventional AT interface is asked first, then the others in interface order, and the first that
 * answers is the module's port; the device's other ttys are not written to once it is found. Ttys outside USB are
 * each their own group.
 */
public final class SerialDiscovery {

    private static final Logger log = LoggerFactory.getLogger(SerialDiscovery.class);
    private static final Duration PROBE_WINDOW = Duration.ofSeconds(3);
    private static final Pattern OK_LINE = Pattern.compile("(^|[\\r\\n])OK\\r\\n");

    private final List<String> includes;
    private final int baud;
    private final UsbSerialPorts usb;
    private final Duration probeWindow;
    private final Function<LinkSpec.Serial, SerialLink> opener;

    public SerialDiscovery(List<String> includes, int baud) {
        this(includes, baud, Path.of("/sys"), PROBE_WINDOW, spec -> new SerialLink("discovery", spec));
    }

    /**
     * @param sysfs       where sysfs is mounted ({@code /sys}); a tree without the devices just leaves them ungrouped
     * @param probeWindow how long one port is asked {@code AT} before it counts as silent
     */
    SerialDiscovery(List<String> includes, int baud, Path sysfs, Duration probeWindow,
                    Function<LinkSpec.Serial, SerialLink> opener) {
        this.includes = List.copyOf(includes);
        this.baud = baud;
        this.usb = new UsbSerialPorts(sysfs);
        this.probeWindow = probeWindow;
        this.opener = opener;
    }

    /** The devices that answered {@code AT}, at most one per USB device, skipping those in {@code claimed}. */
    public List<LinkSpec.Serial> discover(Set<Path> claimed) {
        List<LinkSpec.Serial> found = new ArrayList<>();
        for (List<Path> group : byUsbDevice(candidates())) {
            if (group.stream().anyMatch(device -> claimed.contains(realPath(device)))) {
                continue; // one of its ports is a configured module's: the device is taken
            }
            for (Path device : group) {
                LinkSpec.Serial spec = new LinkSpec.Serial(device.toString(), baud, 8, io.mipgate.transport.Parity.NONE,
                        io.mipgate.transport.StopBits.ONE, io.mipgate.transport.FlowControl.NONE);
                if (answersAt(spec)) {
                    log.info("discovery: a module answers AT on {} ({} of {} port(s) of its device)", device,
                            group.indexOf(device) + 1, group.size());
                    found.add(spec);
                    break;
                }
                log.debug("discovery: no AT answer on {}", device);
            }
        }
        return found;
    }

    /**
     * The candidates grouped by USB device, in the order their ports are to be asked: the conventional AT interface
     * first, then by interface number. Groups keep the order of their first device.
     */
    private List<List<Path>> byUsbDevice(List<Path> devices) {
        Map<Object, List<Path>> groups = new LinkedHashMap<>();
        Map<Path, Optional<UsbSerialPorts.UsbPort>> ports = new HashMap<>();
        for (Path device : devices) {
            Optional<UsbSerialPorts.UsbPort> port = usb.of(device);
            ports.put(device, port);
            Object key = port.<Object>map(UsbSerialPorts.UsbPort::usbDevice).orElse(device);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(device);
        }
        Comparator<Path> askFirst = Comparator
                .comparing((Path d) -> !ports.get(d).map(UsbSerialPorts.UsbPort::conventionalAtPort).orElse(false))
                .thenComparingInt(d -> ports.get(d).map(UsbSerialPorts.UsbPort::interfaceNumber).orElse(0));
        groups.values().forEach(group -> group.sort(askFirst));
        return List.copyOf(groups.values());
    }

    private List<Path> candidates() {
        List<Path> devices = new ArrayList<>();
        for (String include : includes) {
            Path pattern = Path.of(include);
            Path dir = pattern.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, pattern.getFileName().toString())) {
                stream.forEach(devices::add);
            } catch (IOException e) {
                log.warn("discovery: cannot list {}: {}", dir, e.getMessage());
            }
        }
        devices.sort(null);
        return devices;
    }

    /** Writes {@code AT} and waits for {@code OK}; closing the link at the deadline ends the blocked read. */
    private boolean answersAt(LinkSpec.Serial spec) {
        SerialLink link = opener.apply(spec);
        java.util.concurrent.CompletableFuture<Boolean> answered = new java.util.concurrent.CompletableFuture<>();
        try {
            link.open();
            // a platform thread: jSerialComm's read blocks in native code, which would pin a virtual thread's carrier
            Thread.ofPlatform().daemon().name("discovery-" + spec.device()).start(() -> {
                StringBuilder seen = new StringBuilder();
                byte[] buffer = new byte[256];
                try {
                    int n;
                    while ((n = link.read(buffer, 0, buffer.length)) >= 0) {
                        seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                        if (OK_LINE.matcher(seen).find()) {
                            answered.complete(true);
                            return;
                        }
                    }
                } catch (IOException e) {
                    log.debug("discovery: reading {} failed: {}", spec.device(), e.toString());
                }
                answered.complete(false);
            });
            // A module still booting ignores the first characters (auto-baud, FIELD-NOTES §2): ask a few times.
            long deadline = System.nanoTime() + probeWindow.toNanos();
            while (System.nanoTime() < deadline) {
                link.write("AT\r".getBytes(StandardCharsets.US_ASCII), 0, 3);
                try {
                    return answered.get(300, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillQuiet) {
                    // ask again
                }
            }
            return false;
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException e) {
            log.debug("discovery: probing {} failed: {}", spec.device(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            link.close();
        }
    }

    static Path realPath(Path device) {
        try {
            return device.toRealPath();
        } catch (IOException e) {
            return device.toAbsolutePath();
        }
    }
}
