package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.at.model.ModelFamily;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
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
    private TcpPeer tcp;

    @BeforeEach
    void setUp() throws Exception {
        at = EmulatorHarness.start(EmulatorHarness.fast(ModelFamily.ML307R).build());
        tcp = new TcpPeer(false);
    }

    @AfterEach
    void tearDown() throws Exception {
        tcp.close();
        at.close();
    }

    private Socket openTcp(int mode) throws Exception {
        at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + tcp.port() + ",," + mode, "OK",
                mode == 1 ? "CONNECT" : "+MIPOPEN: 0,0");
        return tcp.next();
    }

    @Test
    void normalModeRawAndHex() throws Exception {
        Socket server = openTcp(0);
        server.getOutputStream().write(ALL);
        assertThat(at.readPushed("+MIPURC: \"rtcp\",0,", 256, false)).isEqualTo(ALL);
        at.exchange("AT+MIPCFG=\"encoding\",0,1,1", "OK");
        server.getOutputStream().write(ALL);
        assertThat(at.readPushed("+MIPURC: \"rtcp\",0,", 256, true)).isEqualTo(ALL);
        // sending: inline HEX, then prompt mode raw, then escaped
        at.exchange("AT+MIPSEND=0,256," + HexFormat.of().formatHex(ALL), "+MIPSEND: 0,256", "OK");
        assertThat(TcpPeer.readExactly(server, 256)).isEqualTo(ALL);
        at.command("AT+MIPSEND=0,256");
        at.expectBytes("\r\n>\r\n");
        at.send(ALL);
        at.expectLine("+MIPSEND: 0,256");
        at.expectLine("OK");
        assertThat(TcpPeer.readExactly(server, 256)).isEqualTo(ALL);
        at.exchange("AT+MIPCFG=\"encoding\",0,2,0", "OK");
        String escaped = "a\\\"b\\r\\n\\\\c\\x00\\xFF\\t";
        at.exchange("AT+MIPSEND=0," + escaped.length() + ",\"" + escaped + "\"", "+MIPSEND: 0,10", "OK");
        assertThat(TcpPeer.readExactly(server, 10)).isEqualTo(new byte[] {'a', '"', 'b', '\r', '\n', '\\', 'c', 0,
                (byte) 0xFF, '\t'});
        at.exchange("AT+MIPSEND=0,3,\"" + escaped + "\"", "+CME ERROR: 50");
    }

    @Test
    void streamBufferReadRawAndHex() throws Exception {
        Socket server = openTcp(2);
        server.getOutputStream().write(ALL);
        awaitBuffered(256);
        at.command("AT+MIPRD=0,0");
        assertThat(at.expectDataLine("+MIPRD: 0,0,256,", 256)).isEqualTo(ALL);
        at.expectLine("OK");
        at.exchange("AT+MIPCFG=\"encoding\",0,0,1", "OK");
        server.getOutputStream().write(ALL);
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
        try (UdpPeer udp = new UdpPeer()) {
            at.exchange("AT+MIPOPEN=1,\"UDP\",\"127.0.0.1\"," + udp.port(), "OK", "+MIPOPEN: 1,0");
            at.command("AT+MIPSEND=1,256");
            at.expectBytes("\r\n>\r\n");
            at.send(ALL);
            at.expectLine("+MIPSEND: 1,256");
            at.expectLine("OK");
            assertThat(udp.receive()).isEqualTo(ALL);
            udp.reply(ALL);
            assertThat(at.expectDataLine("+MIPURC: \"rudp\",1,256,", 256)).isEqualTo(ALL);
            at.exchange("AT+MIPMODE=1,3", "OK");
            udp.reply(ALL);
            at.expectLine("+MIPURC: \"rudp\",1,1");
            at.command("AT+MIPRD=1,1");
            assertThat(at.expectDataLine("+MIPRD: 1,0,256,", 256)).isEqualTo(ALL);
            at.expectLine("OK");
        }
    }

    @Test
    void transparentBothWays() throws Exception {
        Socket server = openTcp(1);
        server.getOutputStream().write(ALL);
        at.expectBytes(ALL);
        at.send(ALL);
        assertThat(TcpPeer.readExactly(server, 256)).isEqualTo(ALL);
        ByteArrayOutputStream pluses = new ByteArrayOutputStream();
        pluses.writeBytes("+++x".getBytes(StandardCharsets.US_ASCII));
        Thread.sleep(100);
        at.send(pluses.toByteArray());
        assertThat(TcpPeer.readExactly(server, 4)).isEqualTo("+++x".getBytes(StandardCharsets.US_ASCII));
        Thread.sleep(100);
        at.send("+++");
        at.expectLine("OK");
        at.exchange("AT+MIPSACK=0", "+MIPSACK: 260,260,0,256", "OK");
    }
}
