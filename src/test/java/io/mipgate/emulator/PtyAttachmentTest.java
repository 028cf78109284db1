package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.testsupport.RequiredFacility;
import io.mipgate.transport.Link;
import io.mipgate.transport.LinkSpec;
import io.mipgate.transport.SerialLink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The virtual module as a real serial device: a pseudo-terminal opened with jSerialComm, as the gateway opens one. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PtyAttachmentTest {

    private static final byte[] ALL = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALL[i] = (byte) i;
        }
    }

    @TempDir
    Path dir;

    @BeforeEach
    void needsPseudoTerminals() {
        RequiredFacility.requirePseudoTerminals();
    }

    @Test
    void handshakeAndTcpEchoThroughJSerialComm() throws Exception {
        Path symlink = dir.resolve("mipgate/ttyEMU0");
        VirtualModule module = new VirtualModule(EmulatorHarness.fast(EmulatedFamily.ML307R).build());
        try (EmulatorPtyAttachment pty = EmulatorPtyAttachment.open(module, symlink);
             TcpEchoServer echo = TcpEchoServer.start()) {
            assertThat(pty.devicePath()).isEqualTo(symlink);
            assertThat(Files.readSymbolicLink(symlink)).isEqualTo(pty.slavePath());
            assertThat(pty.slavePath().toString()).startsWith("/dev/pts/");
            SerialLink serial = new SerialLink("emu-pty", LinkSpec.Serial.withDefaults(symlink.toString()));
            serial.open();
            try (EmulatorHarness at = EmulatorHarness.handshake(EmulatorHarness.over(module, serial))) {
                at.exchange("AT", "OK");
                at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + echo.port(), "OK", "+MIPOPEN: 0,0");
                at.command("AT+MIPSEND=0,256");
                at.expectBytes("\r\n>\r\n");
                at.send(ALL);
                at.expectLine("+MIPSEND: 0,256");
                at.expectLine("OK");
                assertThat(at.expectDataLine("+MIPURC: \"rtcp\",0,256,", 256)).isEqualTo(ALL);
                at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
            }
        }
        assertThat(symlink).doesNotExist();
    }

    @Test
    void emulatorLinkWithPtyOptionOpensTheDeviceThroughSerialLink() throws Exception {
        Path symlink = dir.resolve("ttyEMU1");
        try (EmulatorLinkFactory factory = new EmulatorLinkFactory()) {
            LinkSpec spec = LinkSpec.parse("m1", "emulator:ML307R?pty=" + symlink + "&guardMs=50");
            Link link = factory.create("m1", spec);
            assertThat(symlink).doesNotExist(); // creating a link does no I/O
            link.open();
            assertThat(link.describe()).startsWith("serial:" + symlink);
            assertThat(factory.devicePath("m1")).contains(symlink);
            assertThat(read(link, "\r\n+MATREADY\r\n".length())).isEqualTo("\r\n+MATREADY\r\n");
            link.write("AT\r".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(link, "AT\r\r\nOK\r\n".length())).isEqualTo("AT\r\r\nOK\r\n");
            link.close();

            Link again = factory.create("m1", spec); // the same module, still behind the same device
            again.open();
            again.write("ATE0\r".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(again, "ATE0\r\r\nOK\r\n".length())).isEqualTo("ATE0\r\r\nOK\r\n");
            again.close();
        }
        assertThat(symlink).doesNotExist();
    }

    private static String read(Link link, int count) throws Exception {
        byte[] bytes = new byte[count];
        int n = 0;
        while (n < count) {
            int got = link.read(bytes, n, count - n);
            assertThat(got).as("end of stream after %d bytes", n).isPositive();
            n += got;
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
