package io.mipgate.transport.pty;

import io.mipgate.testsupport.RequiredFacility;
import io.mipgate.transport.LinkSpec;
import io.mipgate.transport.SerialLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.mipgate.transport.LinkTestSupport.allByteValues;
import static io.mipgate.transport.LinkTestSupport.readExactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The emulator's path to the gateway: a pty master on one side, jSerialComm on the slave on the other. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PseudoTerminalSerialLinkTest {

    @TempDir
    Path dir;

    private PseudoTerminal pty;
    private SerialLink serial;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void openBothSides() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        pty = PseudoTerminal.open(dir.resolve("mipgate/ttyEMU0"));
        serial = new SerialLink("emu-1", LinkSpec.Serial.withDefaults(pty.devicePath().toString()));
        serial.open();
    }

    @AfterEach
    void closeBothSides() {
        threads.shutdownNow();
        if (serial != null) {
            serial.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    /**
     * What the emulator can observe of a host's line rate: a pseudo-terminal moves bytes at any speed, but the termios
     * speed jSerialComm sets on the slave is readable from the pseudo-terminal's side, as a number.
     */
    @Test
    void theRateTheSerialSideSetIsVisibleToThePseudoTerminal() throws Exception {
        assertThat(pty.serialSideRate()).isEqualTo(LinkSpec.Serial.DEFAULT_BAUD);
        for (int rate : new int[] {921_600, 9_600, 250_000}) { // 250000 is no Bxxx constant: termios2 BOTHER
            LinkSpec.Serial defaults = LinkSpec.Serial.withDefaults(pty.devicePath().toString());
            SerialLink other = new SerialLink("emu-rate", new LinkSpec.Serial(defaults.device(), rate,
                    defaults.dataBits(), defaults.parity(), defaults.stopBits(), defaults.flowControl()));
            serial.close();
            other.open();
            serial = other;
            assertThat(pty.serialSideRate()).isEqualTo(rate);
        }
    }

    @Test
    void symlinkPointsAtTheSlaveAndIsRemovedOnClose() throws Exception {
        Path link = pty.symlink().orElseThrow();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(pty.slavePath());
        assertThat(pty.slavePath().toString()).startsWith("/dev/pts/");
        assertThat(serial.describe()).isEqualTo("serial:" + link + "@115200");

        serial.close();
        pty.close();

        assertThat(link).doesNotExist();
        assertThat(Files.isSymbolicLink(link)).isFalse();
    }

    @Test
    void atCommandAndOkRoundTrip() throws Exception {
        serial.write("AT\r".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(readExactly(pty.inputStream(), 3), StandardCharsets.US_ASCII)).isEqualTo("AT\r");

        pty.outputStream().write("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(readExactly(serial, 6), StandardCharsets.US_ASCII)).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void binaryPassesByteExactInBothDirectionsAtOnce() throws Exception {
        byte[] payload = allByteValues(64 * 1024);

        Future<byte[]> atMaster = threads.submit(() -> readExactly(pty.inputStream(), payload.length));
        Future<byte[]> atSerial = threads.submit(() -> readExactly(serial, payload.length));
        Future<?> toMaster = threads.submit(() -> {
            serial.write(payload);
            return null;
        });
        Future<?> toSerial = threads.submit(() -> {
            pty.outputStream().write(payload);
            return null;
        });

        toMaster.get(30, TimeUnit.SECONDS);
        toSerial.get(30, TimeUnit.SECONDS);
        assertThat(atMaster.get(30, TimeUnit.SECONDS)).isEqualTo(payload);
        assertThat(atSerial.get(30, TimeUnit.SECONDS)).isEqualTo(payload);
    }

    @Test
    void closingTheSerialLinkUnblocksItsReader() throws Exception {
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> readOne(serial), threads);
        await().during(100, TimeUnit.MILLISECONDS).until(() -> !read.isDone());

        serial.close();

        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
    }

    @Test
    void closingThePseudoTerminalUnblocksMasterReaderAndTheSerialReader() throws Exception {
        CompletableFuture<Integer> master = CompletableFuture.supplyAsync(() -> {
            try {
                return pty.inputStream().read(new byte[16]);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        CompletableFuture<Integer> slave = CompletableFuture.supplyAsync(() -> readOne(serial), threads);
        await().during(100, TimeUnit.MILLISECONDS).until(() -> !master.isDone() && !slave.isDone());

        pty.close();

        assertThat(master.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
        assertThat(slave.get(5, TimeUnit.SECONDS)).isEqualTo(-1); // the device "unplugged" under the gateway
        assertThatThrownBy(() -> pty.outputStream().write(1)).hasMessageContaining("closed");
    }

    @Test
    void reopeningTheSerialSideKeepsThePseudoTerminalUsable() throws Exception {
        serial.close();
        serial = new SerialLink("emu-1", LinkSpec.Serial.withDefaults(pty.devicePath().toString()));
        serial.open();

        pty.outputStream().write("\r\nRDY\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(readExactly(serial, 7), StandardCharsets.US_ASCII)).isEqualTo("\r\nRDY\r\n");
    }

    @Test
    void blockedReadersAndBackPressuredWritersWaitInTheKernelWithoutSpinning() throws Exception {
        byte[] payload = allByteValues(1024 * 1024);
        Thread idleSerialReader = Thread.ofPlatform().start(() -> readOne(serial));
        Thread stalledWriter = Thread.ofPlatform().start(() -> {
            try {
                serial.write(payload); // far more than the pty queue holds while nobody reads the master
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // A thread parked in poll/read gains no CPU time, however busy the machine; a polling loop gains CPU time
        // whenever it is scheduled. So: once both have settled, neither may gain more than 20 ms of CPU in a second.
        long[] settled = new long[2];
        await("both threads settle").atMost(30, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS)
                .until(() -> {
                    long[] now = {cpuMillis(idleSerialReader), cpuMillis(stalledWriter)};
                    boolean still = now[0] - settled[0] <= 1 && now[1] - settled[1] <= 1;
                    settled[0] = now[0];
                    settled[1] = now[1];
                    return still;
                });
        await("no CPU used while waiting").during(1, TimeUnit.SECONDS).atMost(30, TimeUnit.SECONDS)
                .until(() -> cpuMillis(idleSerialReader) - settled[0] <= 20
                        && cpuMillis(stalledWriter) - settled[1] <= 20);
        assertThat(stalledWriter.isAlive()).isTrue();

        assertThat(readExactly(pty.inputStream(), payload.length)).isEqualTo(payload);
        stalledWriter.join(10_000);
        serial.close();
        idleSerialReader.join(10_000);
        assertThat(idleSerialReader.isAlive()).isFalse();
    }

    private static long cpuMillis(Thread thread) {
        return TimeUnit.NANOSECONDS.toMillis(
                java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.threadId()));
    }

    private static int readOne(SerialLink link) {
        try {
            return link.read(new byte[16], 0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
