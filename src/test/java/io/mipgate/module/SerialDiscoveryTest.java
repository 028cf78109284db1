package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.testsupport.RequiredFacility;
import io.mipgate.transport.pty.PseudoTerminal;
import io.mipgate.transport.SerialLink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery finds the unclaimed serial device that answers AT and leaves the others alone; among the ttys of one USB
 * device (grouped through a fake sysfs tree) it picks the one AT port.
 */
class SerialDiscoveryTest {

    private static final Duration WINDOW = Duration.ofMillis(800);

    @TempDir
    Path temp;

    @Test
    void findsTheModuleThatAnswersAndSkipsSilentAndClaimedPorts() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        Path dir = Files.createTempDirectory("mipgate-discovery");
        try (PtyModuleFixture answering = new PtyModuleFixture(EmulatedFamily.ML307R);
             PtyModuleFixture claimed = new PtyModuleFixture(EmulatedFamily.MN316);
             PseudoTerminal silent = PseudoTerminal.open(dir.resolve("ttyUSB9"))) {
            Files.createSymbolicLink(dir.resolve("ttyUSB0"), answering.pty.devicePath());
            Files.createSymbolicLink(dir.resolve("ttyUSB1"), claimed.pty.devicePath());

            var found = discovery(dir, dir.resolve("no-sysfs"))
                    .discover(Set.of(SerialDiscovery.realPath(claimed.pty.devicePath())));

            assertThat(found).extracting(spec -> Path.of(spec.device()).getFileName().toString())
                    .containsExactly("ttyUSB0");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void asksTheConventionalAtPortOfAnMl307aFirstAndLeavesItsOtherTtysAlone() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        Path devices = Files.createDirectories(temp.resolve("dev"));
        Path sysfs = usbDevice(temp.resolve("sys"), "2ecc", "3012", 4);
        try (PseudoTerminal modemData = PseudoTerminal.open();
             Diagnostics diag = new Diagnostics();
             PtyModuleFixture at = new PtyModuleFixture(EmulatedFamily.ML307R);
             PtyModuleFixture modem = new PtyModuleFixture(EmulatedFamily.ML307R)) {
            AtomicLong writtenToData = countWrites(modemData);
            link(devices, "ttyUSB0", modemData.slavePath());
            link(devices, "ttyUSB1", diag.pty.slavePath());
            link(devices, "ttyUSB2", at.pty.devicePath());
            link(devices, "ttyUSB3", modem.pty.devicePath()); // a modem port answers AT too

            var found = discovery(devices, sysfs).discover(Set.of());

            assertThat(found).extracting(spec -> Path.of(spec.device()).getFileName().toString())
                    .containsExactly("ttyUSB2");
            assertThat(writtenToData.get()).as("bytes written to the device's data port").isZero();
            assertThat(diag.asked()).as("the diagnostics port was asked").isZero();
        }
    }

    @Test
    void picksTheOnePortThatAnswersOkNotTheOnesThatAnswerGarbage() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        Path devices = Files.createDirectories(temp.resolve("dev"));
        Path sysfs = usbDevice(temp.resolve("sys"), "1234", "5678", 3);
        try (PseudoTerminal silent = PseudoTerminal.open();
             Diagnostics diag = new Diagnostics();
             PtyModuleFixture at = new PtyModuleFixture(EmulatedFamily.ML307R)) {
            link(devices, "ttyUSB0", silent.slavePath());
            link(devices, "ttyUSB1", diag.pty.slavePath());
            link(devices, "ttyUSB2", at.pty.devicePath());

            var found = discovery(devices, sysfs).discover(Set.of());

            assertThat(found).extracting(spec -> Path.of(spec.device()).getFileName().toString())
                    .containsExactly("ttyUSB2");
            assertThat(diag.asked()).as("the diagnostics port was asked, and its garbage was not taken for OK")
                    .isPositive();
        }
    }

    @Test
    void aDeviceWithOneConfiguredPortIsNotProbedAtAll() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        Path devices = Files.createDirectories(temp.resolve("dev"));
        Path sysfs = usbDevice(temp.resolve("sys"), "2ecc", "3012", 4);
        try (PtyModuleFixture at = new PtyModuleFixture(EmulatedFamily.ML307R);
             PtyModuleFixture modem = new PtyModuleFixture(EmulatedFamily.ML307R)) {
            link(devices, "ttyUSB2", at.pty.devicePath());
            link(devices, "ttyUSB3", modem.pty.devicePath());

            var found = discovery(devices, sysfs).discover(Set.of(SerialDiscovery.realPath(at.pty.devicePath())));

            assertThat(found).isEmpty();
        }
    }

    private static SerialDiscovery discovery(Path devices, Path sysfs) {
        return new SerialDiscovery(List.of(devices + "/ttyUSB*"), 115200, sysfs, WINDOW,
                spec -> new SerialLink("discovery", spec));
    }

    private static void link(Path devices, String name, Path target) throws IOException {
        Files.createSymbolicLink(devices.resolve(name), target);
    }

    /**
     * A fake sysfs: one USB device {@code 1-1} ({@code vid:pid}) with one interface per tty, and
     * {@code class/tty/ttyUSB<n>/device} linking to the tty under interface {@code n}, as the kernel lays it out.
     */
    private static Path usbDevice(Path sysfs, String vid, String pid, int ttys) throws IOException {
        Path device = Files.createDirectories(sysfs.resolve("devices/pci0000:00/0000:00:14.0/usb1/1-1"));
        Files.writeString(device.resolve("idVendor"), vid + "\n");
        Files.writeString(device.resolve("idProduct"), pid + "\n");
        for (int n = 0; n < ttys; n++) {
            Path usbInterface = Files.createDirectories(device.resolve("1-1:1." + n));
            Files.writeString(usbInterface.resolve("bInterfaceNumber"), String.format("%02x%n", n));
            Path tty = Files.createDirectories(usbInterface.resolve("ttyUSB" + n));
            Path classEntry = Files.createDirectories(sysfs.resolve("class/tty/ttyUSB" + n));
            Files.createSymbolicLink(classEntry.resolve("device"), classEntry.relativize(tty));
        }
        return sysfs;
    }

    /** Counts the bytes the serial side writes to {@code pty}. */
    private static AtomicLong countWrites(PseudoTerminal pty) {
        AtomicLong written = new AtomicLong();
        drainer(() -> drain(pty.inputStream(), written, null));
        return written;
    }

    /**
     * A platform thread: a pseudo-terminal read blocks in native code, which pins a virtual thread's carrier; two of
     * them would take every carrier of a two-core machine from the emulator and discovery.
     */
    private static void drainer(Runnable task) {
        Thread.ofPlatform().daemon().name("pty-drain").start(task);
    }

    private static void drain(InputStream in, AtomicLong count, PseudoTerminal answerWith) {
        byte[] buffer = new byte[256];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                count.addAndGet(n);
                if (answerWith != null) {
                    // framed binary, the way a diagnostics port talks; "OK" inside, but never an OK line
                    answerWith.outputStream().write("\u007e\u0001OKAY\u0000\u007e".getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException closed) {
            // the pseudo-terminal went away with the test
        }
    }

    /** A diagnostics port: answers anything with binary frames. */
    private static final class Diagnostics implements AutoCloseable {
        final PseudoTerminal pty = PseudoTerminal.open();
        private final AtomicLong asked = new AtomicLong();

        Diagnostics() throws IOException {
            drainer(() -> drain(pty.inputStream(), asked, pty));
        }

        long asked() {
            return asked.get();
        }

        @Override
        public void close() {
            pty.close();
        }
    }
}
