package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.testsupport.RequiredFacility;
import io.mipgate.transport.LinkSpec;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.transport.SerialLink;
import io.mipgate.transport.TcpLink;
import java.net.InetAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * AT+IPR (FIELD-NOTES §13): the rate lists, the setting read back, {@code OK} at the old rate and the switch after
 * it, the setting kept over a reboot; on a real pseudo-terminal and behind a TCP serial server a host at another rate
 * than the module's loses its bytes both ways, and an RFC 2217 server carries every byte value once the rates agree.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LineRateChangeTest {

    private static final Duration QUIET = Duration.ofMillis(600);

    @TempDir
    Path dir;

    @Test
    void answersTheRateCommandsAndKeepsTheRateOverAReboot() {
        try (EmulatorHarness at = EmulatorHarness.start(EmulatorHarness.fast(EmulatedFamily.ML307R).build())) {
            at.exchange("AT+IPR=?", "+IPR: (0,9600,19200,38400,57600,115200,230400,460800,921600),"
                    + "(9600,19200,38400,57600,115200,230400,460800,921600)", "OK");
            at.exchange("AT+IPR?", "+IPR: 0", "OK");
            at.exchange("AT+IPR=921600", "OK");
            at.exchange("AT+IPR?", "+IPR: 921600", "OK"); // an in-process host has no rate: always in step
            at.exchange("AT+IPR=12345", "+CME ERROR: 50");
            at.exchange("AT+IPR=\"115200\"", "+CME ERROR: 50");
            at.exchange("AT+IPR=115200,1", "+CME ERROR: 50");

            at.exchange("AT+MREBOOT", "OK", "REBOOTING", "+MATREADY");
            at.echo(true);
            at.exchange("ATE0", "OK");
            at.echo(false);
            at.exchange("AT+IPR?", "+IPR: 921600", "OK");
        }
    }

    @Test
    void fieldFirmwareMissesTheFirstTwoCommandsAfterARateChange() {
        try (EmulatorHarness at = EmulatorHarness.attach(EmulatorHarness.fast(EmulatedFamily.ML307R).echo(false)
                .firmware(FirmwareProfile.FIELD).build())) {
            at.echo(false);
            at.expectSilence(Duration.ofMillis(100));
            at.send("AT\r"); // field firmware withholds +MATREADY until the host's first byte (FIELD-NOTES §2)
            at.expectBytes("\r\n+MATREADY\r\n\r\n+CPIN: READY\r\n\r\nOK\r\n");
            at.exchange("AT+IPR=460800", "OK");
            at.command("AT");
            at.command("AT+IPR?");
            at.expectSilence(QUIET);
            at.exchange("AT+IPR?", "+IPR: 460800", "OK");
            at.exchange("AT", "OK");
        }
    }

    @Test
    void aHostAtAnotherRateLosesItsBytesOnAPseudoTerminal() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        VirtualModule module = new VirtualModule(EmulatorHarness.fast(EmulatedFamily.ML307R).echo(false)
                .lineRate(921600).build());
        try (EmulatorPtyAttachment pty = EmulatorPtyAttachment.open(module, dir.resolve("ttyEMU0"))) {
            module.powerOn();
            String device = pty.devicePath().toString();

            assertThat(ask(device, 115200, "AT")).doesNotContain("OK");
            assertThat(module.bytesLostToRateMismatch()).isGreaterThan(0);
            assertThat(ask(device, 921600, "AT")).contains("\r\nOK\r\n");

            // OK still at the old rate, then the module is at the new one only
            assertThat(ask(device, 921600, "AT+IPR=115200")).contains("\r\nOK\r\n");
            assertThat(ask(device, 921600, "AT")).doesNotContain("OK");
            assertThat(ask(device, 115200, "AT+IPR?")).contains("+IPR: 115200\r\n\r\nOK\r\n");
        } finally {
            module.close();
        }
    }

    @Test
    void whatTheModuleSendsAtAnotherRateArrivesAsGarbage() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        VirtualModule module = new VirtualModule(EmulatorHarness.fast(EmulatedFamily.ML307R).echo(false)
                .lineRate(460800).build());
        try (EmulatorPtyAttachment pty = EmulatorPtyAttachment.open(module, dir.resolve("ttyEMU1"))) {
            SerialLink host = new SerialLink("emu-rate", serial(pty.devicePath().toString(), 9600));
            host.open();
            try {
                module.powerOn(); // +MATREADY goes out at 460800 to a host at 9600
                byte[] seen = readFor(host, QUIET);
                assertThat(seen).isNotEmpty();
                for (byte b : seen) {
                    assertThat(b & 0x80).as("a garbled byte has its top bit set").isNotZero();
                }
            } finally {
                host.close();
            }
        } finally {
            module.close();
        }
    }

    @Test
    void aRawSerialServerAtAnotherRateThanTheModuleCarriesNothing() throws Exception {
        VirtualModule module = new VirtualModule(EmulatorHarness.fast(EmulatedFamily.ML307R).echo(false)
                .lineRate(921600).build());
        try (EmulatorTcpServer server = new EmulatorTcpServer(module, InetAddress.getLoopbackAddress(), 0, 115200,
                false)) {
            module.powerOn();
            module.connectedIds(); // a round trip on the module's loop: the boot has run
            TcpLink host = new TcpLink("emu-raw", new LinkSpec.Tcp("127.0.0.1", server.port(), Duration.ofSeconds(2)));
            host.open();
            org.awaitility.Awaitility.await().atMost(EmulatorHarness.WAIT).until(module::attached);
            try (EmulatorHarness at = EmulatorHarness.over(module, host)) {
                at.echo(false);
                at.send("AT\r");
                at.expectSilence(QUIET);
                assertThat(module.bytesLostToRateMismatch()).isEqualTo(3);

                String urc = "\r\n+CEREG: 1\r\n";
                module.faults().emitUrc("+CEREG: 1"); // sent at 921600, read at 115200
                for (byte b : at.readBytes(urc.length())) {
                    assertThat(b & 0x80).as("a garbled byte has its top bit set").isNotZero();
                }
            }
        }
    }

    @Test
    void everyByteValueCrossesAnRfc2217ServerAfterTheHostSetTheModulesRate() throws Exception {
        VirtualModule module = new VirtualModule(EmulatorHarness.fast(EmulatedFamily.ML307R).lineRate(230400).build());
        try (EmulatorTcpServer server = new EmulatorTcpServer(module, InetAddress.getLoopbackAddress(), 0, 115200,
                true);
             TcpEchoServer echo = TcpEchoServer.start()) {
            TcpLink host = new TcpLink("emu-rfc2217", (LinkSpec.Tcp) LinkSpec.parse("emu-rfc2217",
                    "tcp://127.0.0.1:" + server.port() + "?rfc2217=true&baud=230400"));
            // booted before any host: its +MATREADY, sent while the server's port was still at 115200, went nowhere
            module.powerOn();
            module.connectedIds(); // a round trip on the module's loop: the boot has run
            host.open(); // SET-BAUDRATE goes ahead of every data byte on the stream
            try (EmulatorHarness at = EmulatorHarness.over(module, host)) {
                at.exchange("ATE0", "OK");
                at.echo(false);
                byte[] all = new byte[256];
                for (int i = 0; i < all.length; i++) {
                    all[i] = (byte) i;
                }
                at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + echo.port(), "OK", "+MIPOPEN: 0,0");
                at.command("AT+MIPSEND=0,256");
                at.expectBytes("\r\n>\r\n");
                at.send(all);
                at.expectLine("+MIPSEND: 0,256");
                at.expectLine("OK");
                assertThat(at.expectDataLine("+MIPURC: \"rtcp\",0,256,", 256)).isEqualTo(all);
                assertThat(module.bytesLostToRateMismatch()).isZero();
            }
        }
    }

    /** Opens the device at {@code baud}, sends {@code command}, returns what arrives within a short window. */
    private static String ask(String device, int baud, String command) throws IOException {
        SerialLink host = new SerialLink("emu-rate", serial(device, baud));
        host.open();
        try {
            host.write((command + "\r").getBytes(StandardCharsets.US_ASCII));
            return new String(readFor(host, QUIET), StandardCharsets.ISO_8859_1);
        } finally {
            host.close();
        }
    }

    private static byte[] readFor(SerialLink host, Duration window) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[512];
            try {
                int n;
                while ((n = host.read(buffer, 0, buffer.length)) >= 0) {
                    synchronized (seen) {
                        seen.write(buffer, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // closed at the end of the window
            }
        });
        try {
            reader.join(window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (seen) {
            return seen.toByteArray();
        }
    }

    static LinkSpec.Serial serial(String device, int baud) {
        LinkSpec.Serial defaults = LinkSpec.Serial.withDefaults(device);
        return new LinkSpec.Serial(device, baud, defaults.dataBits(), defaults.parity(), defaults.stopBits(),
                defaults.flowControl());
    }
}
