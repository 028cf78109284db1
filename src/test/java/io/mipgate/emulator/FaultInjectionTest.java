package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.at.model.ModelFamily;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every fault of {@link FaultInjector}, observed on the wire. */
class FaultInjectionTest {

    private EmulatorHarness at;

    @AfterEach
    void tearDown() {
        if (at != null) {
            at.close();
        }
    }

    private void start(ModelFamily family) throws Exception {
        at = EmulatorHarness.start(EmulatorHarness.fast(family).build());
    }

    @Test
    void delayedResponseLetsUrcsThrough() throws Exception {
        start(ModelFamily.ML307R);
        at.faults().delayNextResponse(Duration.ofMillis(300));
        at.command("AT");
        at.expectSilence(Duration.ofMillis(100));
        at.faults().emitUrc("+MIPURC: \"disconn\",3,1");
        at.expectLine("+MIPURC: \"disconn\",3,1");
        at.expectLine("OK");
        at.exchange("AT", "OK");
    }

    @Test
    void swallowedResponseAndForcedErrors() throws Exception {
        start(ModelFamily.ML307R);
        at.faults().swallowNextResponse();
        at.command("AT+MIPCFG=\"autofree\",0,1");
        at.expectSilence(Duration.ofMillis(150));
        at.exchange("AT+MIPCFG=\"autofree\",0", "+MIPCFG: \"autofree\",0,1", "OK");
        at.faults().failNextCommands(552, 2);
        at.exchange("AT", "+CME ERROR: 552");
        at.exchange("AT", "+CME ERROR: 552");
        at.exchange("AT", "OK");
    }

    @Test
    void garbageAndUrcInsideResponse() throws Exception {
        start(ModelFamily.ML307R);
        at.faults().injectBytes(new byte[] {(byte) 0xE0});
        at.faults().injectText("+MIPURC: \"rtcp\",0,1");
        at.expectBytes(new byte[] {(byte) 0xE0});
        at.expectBytes("+MIPURC: \"rtcp\",0,1");
        at.faults().injectUrcInNextResponse("+MIPCLOSE: 0");
        at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,,,,\"INITIAL\"", "+MIPCLOSE: 0", "OK");
        at.faults().injectUrcInNextResponse("+MATREADY");
        at.exchange("AT", "+MATREADY", "OK");
    }

    @Test
    void rebootLosesConnectionsAndDropEndsAttachment() throws Exception {
        start(ModelFamily.ML307R);
        try (TcpPeer peer = new TcpPeer(false)) {
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + peer.port(), "OK", "+MIPOPEN: 0,0");
            Socket server = peer.next();
            at.faults().reboot();
            at.expectLine("+MATREADY");
            server.setSoTimeout(5000);
            assertThat(server.getInputStream().read()).isEqualTo(-1);
            at.echo(true);
            at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,,,,\"INITIAL\"", "OK");
        }
        at.faults().dropAttachment();
        assertThat(at.awaitEof(Duration.ofSeconds(3))).isTrue();
    }

    @Test
    void peerResetAndAutofree() throws Exception {
        start(ModelFamily.ML307R);
        try (TcpPeer peer = new TcpPeer(false)) {
            at.exchange("AT+MIPCFG=\"autofree\",0,1", "OK");
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + peer.port(), "OK", "+MIPOPEN: 0,0");
            Socket server = peer.next();
            at.faults().resetConnection(0);
            at.expectLine("+MIPURC: \"disconn\",0,2");
            server.setSoTimeout(5000);
            assertThatThrownBy(() -> {
                if (server.getInputStream().read() < 0) {
                    throw new IOException("closed");
                }
            }).isInstanceOf(IOException.class);
            at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,\"TCP\",\"127.0.0.1\"," + peer.port() + ",\"CLOSED\"", "OK");
            at.exchange("AT+MIPSEND=0,1,\"a\"", "+CME ERROR: 553");
            at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
            at.exchange("AT+MIPCLOSE=0", "+CME ERROR: 551");
        }
    }

    @Test
    void lateCloseUrcAndStaleDisconnOnReusedId() throws Exception {
        start(ModelFamily.ML307R);
        try (TcpPeer peer = new TcpPeer(false)) {
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + peer.port(), "OK", "+MIPOPEN: 0,0");
            peer.next();
            at.faults().delayNextCloseUrc(Duration.ofMillis(400));
            at.exchange("AT+MIPCLOSE=0", "OK");
            Thread.sleep(100); // the socket is released shortly after OK; the URC comes 400 ms late
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + peer.port(), "OK", "+MIPOPEN: 0,0");
            peer.next();
            at.expectLine("+MIPCLOSE: 0");
            at.faults().emitStaleDisconn(0, 1);
            at.expectLine("+MIPURC: \"disconn\",0,1");
            at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,\"TCP\",\"127.0.0.1\"," + peer.port() + ",\"CONNECTED\"", "OK");
        }
    }

    @Test
    void lineRateSlowsTheWire() throws Exception {
        start(ModelFamily.ML307R);
        at.faults().setBaudRate(2400);
        long start = System.nanoTime();
        at.command("AT+MIPSTATE?");
        assertThat(at.linesUntilFinal()).hasSize(7);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(400));
        at.faults().setBaudRate(0);
        at.exchange("AT", "OK");
    }

    @Test
    void firstDnsAfterBootFails() throws Exception {
        try (LoopbackDns dns = new LoopbackDns().with("iot.example", "127.0.0.1")) {
            at = EmulatorHarness.start(EmulatorHarness.fast(ModelFamily.ML307R).networkDns(List.of(dns.address()))
                    .build());
            at.faults().failFirstDnsAfterBoot(580);
            at.exchange("AT+MDNSGIP=\"iot.example\"", "+CME ERROR: 580");
            at.exchange("AT+MDNSGIP=\"iot.example\"", "OK", "+MDNSGIP: \"iot.example\",\"127.0.0.1\"");
        }
    }

    @Test
    void packetBufferDropsBeyondCachedPacketLimit() throws Exception {
        start(ModelFamily.MN316);
        try (UdpPeer udp = new UdpPeer()) {
            at.exchange("AT+MIPOPEN=0,\"UDP\",\"127.0.0.1\"," + udp.port() + ",,3", "OK", "+MIPOPEN: 0,0");
            at.exchange("AT+MIPSEND=0,1,\"x\"", "+MIPSEND: 0,1", "OK");
            udp.receive();
            for (int i = 1; i <= 12; i++) {
                udp.reply(new byte[] {(byte) i});
                at.expectLine("+MIPURC: \"rudp\",0," + i);
            }
            udp.reply(new byte[] {13, 13});
            at.expectLine("+MIPURC: \"drop\",0,2");
            at.command("AT+MIPRD=0,0");
            assertThat(at.linesUntilFinal()).hasSize(13);
        }
    }

    @Test
    void streamBufferStopsReadingAtTheTcpWindow() throws Exception {
        start(ModelFamily.MN316A);
        try (TcpPeer peer = new TcpPeer(false)) {
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + peer.port() + ",,2", "OK", "+MIPOPEN: 0,0");
            Socket server = peer.next();
            byte[] payload = new byte[10_000];
            java.util.Arrays.fill(payload, (byte) 'z');
            Thread.ofVirtual().start(() -> {
                try {
                    server.getOutputStream().write(payload);
                } catch (IOException ignored) {
                    // test ends
                }
            });
            int read = 0;
            while (read < payload.length) {
                String urc = at.nextLine();
                int total = Integer.parseInt(urc.substring(urc.lastIndexOf(',') + 1));
                assertThat(total).isLessThanOrEqualTo(2048);
                if (total == 2048 || read + total == payload.length) {
                    at.command("AT+MIPRD=0,1460");
                    String line = at.nextLine();
                    assertThat(line).startsWith("+MIPRD: 0,");
                    read += Integer.parseInt(line.split(",")[2]);
                    at.expectLine("OK");
                }
            }
            assertThat(read).isEqualTo(payload.length);
        }
    }

    @Test
    void promptTimeoutSendsWhatArrivedAndCtrlZEndsUnspecifiedLength() throws Exception {
        start(ModelFamily.ML307R);
        try (TcpPeer peer = new TcpPeer(false)) {
            at.exchange("AT+MIPCFG=\"timeout\",0,1", "OK");
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + peer.port(), "OK", "+MIPOPEN: 0,0");
            Socket server = peer.next();
            at.command("AT+MIPSEND=0,10");
            at.expectBytes("\r\n>\r\n");
            at.send("abc");
            at.expectLine("+MIPSEND: 0,3");
            at.expectLine("OK");
            assertThat(TcpPeer.readExactly(server, 3)).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
            at.command("AT+MIPSEND=0");
            at.expectBytes("\r\n>\r\n");
            at.send("AT+X\r\n\u001A");
            at.expectLine("+MIPSEND: 0,6");
            at.expectLine("OK");
            assertThat(TcpPeer.readExactly(server, 6)).isEqualTo("AT+X\r\n".getBytes(StandardCharsets.US_ASCII));
            at.command("AT+MIPSEND=0,0");
            at.expectBytes("\r\n>\r\n");
            at.send("zz\u001B");
            at.expectLine("OK");
        }
    }
}
