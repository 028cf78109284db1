package io.mipgate.module;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which USB device and interface a tty belongs to, read from sysfs: {@code /sys/class/tty/<name>/device} links into
 * the USB tree, where the interface directory holds {@code bInterfaceNumber} and the device directory above it
 * {@code idVendor} and {@code idProduct}. A USB module exposes several ttys (ML307A four: AT, modem, diag, …), so
 * discovery asks one question per device, not per tty. The root is a parameter so tests build a fake tree.
 */
final class UsbSerialPorts {

    /**
     * The interface a device's AT port conventionally sits on, by {@code vid:pid}: ML307A (2ecc:3012) puts AT on the
     * third tty, interface 2 (FIELD-NOTES §13). Devices not listed have no preferred port.
     */
    static final Map<String, Integer> CONVENTIONAL_AT_INTERFACE = Map.of("2ecc:3012", 2);

    /** One tty's place in the USB tree. */
    record UsbPort(Path usbDevice, String vidPid, int interfaceNumber) {

        /** Whether this is the interface the device's AT port conventionally sits on. */
        boolean conventionalAtPort() {
            Integer at = CONVENTIONAL_AT_INTERFACE.get(vidPid);
            return at != null && at == interfaceNumber;
        }
    }

    private final Path sysfs;

    /** @param sysfs the sysfs mount, {@code /sys} on Linux */
    UsbSerialPorts(Path sysfs) {
        this.sysfs = sysfs;
    }

    /** The USB device and interface behind {@code device} ({@code /dev/ttyUSB2} or a link to it), if it is USB. */
    Optional<UsbPort> of(Path device) {
        Optional<UsbPort> byName = byName(device.getFileName().toString());
        if (byName.isPresent()) {
            return byName;
        }
        Path real = SerialDiscovery.realPath(device);
        return real.getFileName() == null ? Optional.empty() : byName(real.getFileName().toString());
    }

    private Optional<UsbPort> byName(String tty) {
        Path link = sysfs.resolve("class/tty").resolve(tty).resolve("device");
        if (!Files.exists(link)) {
            return Optional.empty();
        }
        try {
            Path root = sysfs.toRealPath();
            int interfaceNumber = -1;
            for (Path dir = link.toRealPath(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
                if (interfaceNumber < 0 && Files.isRegularFile(dir.resolve("bInterfaceNumber"))) {
                    interfaceNumber = Integer.parseInt(read(dir.resolve("bInterfaceNumber")), 16);
                }
                if (Files.isRegularFile(dir.resolve("idVendor")) && Files.isRegularFile(dir.resolve("idProduct"))) {
                    String vidPid = (read(dir.resolve("idVendor")) + ":" + read(dir.resolve("idProduct")))
                            .toLowerCase(Locale.ROOT);
                    return Optional.of(new UsbPort(dir, vidPid, interfaceNumber));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }
}
