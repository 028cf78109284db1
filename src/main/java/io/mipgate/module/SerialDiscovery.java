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
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds modules on serial ports nobody configured: every device matching the include globs (e.g.
 * {@code /dev/ttyUSB*}) that is not already claimed is opened and asked {@code AT}; the ones that answer {@code OK}
 * are returned as link specs for new workers.
 */
public final class SerialDiscovery {

    private static final Logger log = LoggerFactory.getLogger(SerialDiscovery.class);
    private static final Duration PROBE_WINDOW = Duration.ofSeconds(3);

    private final List<String> includes;
    private final int baud;
    private final Function<LinkSpec.Serial, SerialLink> opener;

    public SerialDiscovery(List<String> includes, int baud) {
        this(includes, baud, spec -> new SerialLink("discovery", spec));
    }

    SerialDiscovery(List<String> includes, int baud, Function<LinkSpec.Serial, SerialLink> opener) {
        this.includes = List.copyOf(includes);
        this.baud = baud;
        this.opener = opener;
    }

    /** The devices that answered {@code AT}, skipping those in {@code claimed} (real paths). */
    public List<LinkSpec.Serial> discover(Set<Path> claimed) {
        List<LinkSpec.Serial> found = new ArrayList<>();
        for (Path device : candidates()) {
            if (claimed.contains(realPath(device))) {
                continue;
            }
            LinkSpec.Serial spec = new LinkSpec.Serial(device.toString(), baud, 8, io.mipgate.transport.Parity.NONE,
                    io.mipgate.transport.StopBits.ONE, io.mipgate.transport.FlowControl.NONE);
            if (answersAt(spec)) {
                log.info("discovery: a module answers AT on {}", device);
                found.add(spec);
            } else {
                log.debug("discovery: no AT answer on {}", device);
            }
        }
        return found;
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
            Thread.ofVirtual().name("discovery-" + spec.device()).start(() -> {
                StringBuilder seen = new StringBuilder();
                byte[] buffer = new byte[256];
                try {
                    int n;
                    while ((n = link.read(buffer, 0, buffer.length)) >= 0) {
                        seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                        if (seen.indexOf("OK\r\n") >= 0) {
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
            long deadline = System.nanoTime() + PROBE_WINDOW.toNanos();
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
