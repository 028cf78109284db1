package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.emulator.net.UdpEchoServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** All 256 byte values (CR, LF, quotes, NUL, 0x80+ included) through every access mode and encoding, both ways. */
class BinaryPayloadTest {

    private static final byte[] ALL = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALL[i] = (byte) i;
        }
    }

    private EmulatorHarness at;
    private TcpEchoServer tcp;

    @BeforeEach
    void setUp() throws Exception {
        at = EmulatorHarness.start(EmulatorHarness.fast(EmulatedFamily.ML307R).build());
        tcp = TcpEchoServer.start();
    }

    @AfterEach
    void tearDown() {
        tcp.close();
        at.close();
    }

    private void openTcp(int mode) {
        at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + tcp.port() + ",," + mode, "OK",
                mode == 1 ? "CONNECT" : "+MIPOPEN: 0,0");
    }

    /** Sends {@code data} through the {@code >} prompt (raw bytes whatever the encoding). */
    private void promptSend(int id, byte[] data) {
        at.command("AT+MIPSEND=" + id + "," + data.length);
        at.expectBytes("\r\n>\r\n");
        at.send(data);
        at.expectLine("+MIPSEND: " + id + "," + data.length);
        at.expectLine("OK");
    }

    @Test
    void normalModeRawAndHex() {
        openTcp(0);
        promptSend(0, ALL);
        assertThat(at.readPushed("+MIPURC: \"rtcp\",0,", 256, false)).isEqualTo(ALL);
        at.exchange("AT+MIPCFG=\"encoding\",0,1,1", "OK");
        // sending: inline HEX, then prompt mode raw; the echo is pushed in HEX
        at.exchange("AT+MIPSEND=0,256," + HexFormat.of().formatHex(ALL), "+MIPSEND: 0,256", "OK");
        assertThat(at.readPushed("+MIPURC: \"rtcp\",0,", 256, true)).isEqualTo(ALL);
        promptSend(0, ALL);
        assertThat(at.readPushed("+MIPURC: \"rtcp\",0,", 256, true)).isEqualTo(ALL);
        at.exchange("AT+MIPCFG=\"encoding\",0,2,0", "OK");
        String escaped = "a\\\"b\\r\\n\\\\c\\x00\\xFF\\t";
        at.exchange("AT+MIPSEND=0," + escaped.length() + ",\"" + escaped + "\"", "+MIPSEND: 0,10", "OK");
        assertThat(at.expectDataLine("+MIPURC: \"rtcp\",0,10,", 10)).isEqualTo(new byte[] {'a', '"', 'b', '\r', '\n',
                '\\', 'c', 0, (byte) 0xFF, '\t'});
        at.exchange("AT+MIPSEND=0,3,\"" + escaped + "\"", "+CME ERROR: 50");
    }

    @Test
    void streamBufferReadRawAndHex() {
        openTcp(2);
        promptSend(0, ALL);
        awaitBuffered(256);
        at.command("AT+MIPRD=0,0");
        assertThat(at.expectDataLine("+MIPRD: 0,0,256,", 256)).isEqualTo(ALL);
        at.expectLine("OK");
        at.exchange("AT+MIPCFG=\"encoding\",0,0,1", "OK");
        promptSend(0, ALL);
        awaitBuffered(256);
        at.command("AT+MIPRD=0,256");
        byte[] hex = at.expectDataLine("+MIPRD: 0,0,256,", 512);
        assertThat(HexFormat.of().parseHex(new String(hex, StandardCharsets.US_ASCII))).isEqualTo(ALL);
        at.expectLine("OK");
    }

    private void awaitBuffered(int total) {
        while (true) {
            String urc = at.nextLine();
            assertThat(urc).startsWith("+MIPURC: \"rtcp\",0,");
            if (urc.endsWith("," + total)) {
                return;
            }
        }
    }

    @Test
    void udpNormalAndPacketBuffer() throws Exception {
        try (UdpEchoServer udp = UdpEchoServer.start()) {
            at.exchange("AT+MIPOPEN=1,\"UDP\",\"127.0.0.1\"," + udp.port(), "OK", "+MIPOPEN: 1,0");
            promptSend(1, ALL);
            assertThat(at.expectDataLine("+MIPURC: \"rudp\",1,256,", 256)).isEqualTo(ALL);
            at.exchange("AT+MIPMODE=1,3", "OK");
            promptSend(1, ALL);
            at.expectLine("+MIPURC: \"rudp\",1,1");
            at.command("AT+MIPRD=1,1");
            assertThat(at.expectDataLine("+MIPRD: 1,0,256,", 256)).isEqualTo(ALL);
            at.expectLine("OK");
        }
    }

    @Test
    void transparentBothWays() throws Exception {
        openTcp(1);
        at.send(ALL);
        at.expectBytes(ALL);
        ByteArrayOutputStream pluses = new ByteArrayOutputStream();
        pluses.writeBytes("+++x".getBytes(StandardCharsets.US_ASCII));
        Thread.sleep(100);
        at.send(pluses.toByteArray());
        at.expectBytes("+++x");
        Thread.sleep(100);
        at.send("+++");
        at.expectLine("OK");
        at.exchange("AT+MIPSACK=0", "+MIPSACK: 260,260,0,260", "OK");
    }
}
