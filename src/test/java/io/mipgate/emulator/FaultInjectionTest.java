package io.mipgate.emulator;

import static io.mipgate.emulator.EmulatorHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.emulator.net.UdpEchoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    private void start(EmulatedFamily family) throws Exception {
        at = EmulatorHarness.start(EmulatorHarness.fast(family).build());
    }

    /** Opens connect_id 0 to {@code echo} and waits until it has accepted {@code accepted} connections in all. */
    private void openTcp(TcpEchoServer echo, int accepted) throws InterruptedException {
        at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + echo.port(), "OK", "+MIPOPEN: 0,0");
        assertThat(echo.awaitAccepted(accepted, WAIT)).isTrue();
    }

    private static void awaitNoConnection(TcpEchoServer echo) {
        await("the peer saw the connection end").atMost(WAIT).until(() -> echo.connections().isEmpty());
    }

    @Test
    void delayedResponseLetsUrcsThrough() throws Exception {
        start(EmulatedFamily.ML307R);
        at.exchange("ATE1", "OK");
        at.echo(true); // the echo of the next command proves the module has taken it before the URC is emitted
        // generous: the URC below must only be emitted within this delay, however busy the machine
        at.faults().delayNextResponse(Duration.ofSeconds(2));
        at.command("AT");
        at.faults().emitUrc("+MIPURC: \"disconn\",3,1");
        at.expectLine("+MIPURC: \"disconn\",3,1");
        at.expectLine("OK");
        at.exchange("AT", "OK");
    }

    @Test
    void swallowedResponseAndForcedErrors() throws Exception {
        start(EmulatedFamily.ML307R);
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
        start(EmulatedFamily.ML307R);
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
        start(EmulatedFamily.ML307R);
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            openTcp(echo, 1);
            at.faults().reboot();
            at.expectLine("+MATREADY");
            awaitNoConnection(echo);
            at.echo(true);
            at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,,,,\"INITIAL\"", "OK");
        }
        at.faults().dropAttachment();
        assertThat(at.awaitEof(WAIT)).isTrue();
    }

    @Test
    void peerResetAndAutofree() throws Exception {
        start(EmulatedFamily.ML307R);
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            at.exchange("AT+MIPCFG=\"autofree\",0,1", "OK");
            openTcp(echo, 1);
            at.faults().resetConnection(0);
            at.expectLine("+MIPURC: \"disconn\",0,2");
            awaitNoConnection(echo);
            at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,\"TCP\",\"127.0.0.1\"," + echo.port() + ",\"CLOSED\"", "OK");
            at.exchange("AT+MIPSEND=0,1,\"a\"", "+CME ERROR: 553");
            at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
            at.exchange("AT+MIPCLOSE=0", "+CME ERROR: 551");
        }
    }

    @Test
    void peerResetIsReportedAsDisconnTwo() throws Exception {
        start(EmulatedFamily.ML307R);
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            openTcp(echo, 1);
            echo.resetAll();
            at.expectLine("+MIPURC: \"disconn\",0,2");
            at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,,,,\"INITIAL\"", "OK"); // autofree is on by default
        }
    }

    @Test
    void lateCloseUrcAndStaleDisconnOnReusedId() throws Exception {
        start(EmulatedFamily.ML307R);
        try (TcpEchoServer peer = TcpEchoServer.start()) {
            openTcp(peer, 1);
            // generous: the id must be released and reopened within this delay, however busy the machine
            at.faults().delayNextCloseUrc(Duration.ofSeconds(3));
            at.exchange("AT+MIPCLOSE=0", "OK");
            awaitReleased(0); // the slot is freed once the socket has closed, shortly after OK
            openTcp(peer, 2);
            at.expectLine("+MIPCLOSE: 0");
            at.faults().emitStaleDisconn(0, 1);
            at.expectLine("+MIPURC: \"disconn\",0,1");
            at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,\"TCP\",\"127.0.0.1\"," + peer.port() + ",\"CONNECTED\"", "OK");
        }
    }

    /** Polls AT+MIPSTATE until connect_id {@code id} is INITIAL again. */
    private void awaitReleased(int id) {
        await().atMost(WAIT).until(() -> {
            at.command("AT+MIPSTATE=" + id);
            return at.linesUntilFinal().contains("+MIPSTATE: " + id + ",,,,\"INITIAL\"");
        });
    }

    @Test
    void lineRateSlowsTheWire() throws Exception {
        start(EmulatedFamily.ML307R);
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
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().addA("iot.example", "127.0.0.1")) {
            at = EmulatorHarness.start(EmulatorHarness.fast(EmulatedFamily.ML307R).dnsPort(dns.port()).build());
            at.faults().failFirstDnsAfterBoot(580);
            at.exchange("AT+MDNSGIP=\"iot.example\"", "+CME ERROR: 580");
            assertThat(dns.queryCount()).isZero();
            at.exchange("AT+MDNSGIP=\"iot.example\"", "OK", "+MDNSGIP: \"iot.example\",\"127.0.0.1\"");
        }
    }

    @Test
    void packetBufferDropsBeyondCachedPacketLimit() throws Exception {
        start(EmulatedFamily.MN316);
        try (UdpEchoServer echo = UdpEchoServer.start()) {
            at.exchange("AT+MIPOPEN=0,\"UDP\",\"127.0.0.1\"," + echo.port() + ",,3", "OK", "+MIPOPEN: 0,0");
            for (int i = 1; i <= 12; i++) {
                at.exchange("AT+MIPSEND=0,1,\"x\"", "+MIPSEND: 0,1", "OK");
                at.expectLine("+MIPURC: \"rudp\",0," + i);
            }
            at.exchange("AT+MIPSEND=0,2,\"yy\"", "+MIPSEND: 0,2", "OK");
            at.expectLine("+MIPURC: \"drop\",0,2");
            at.command("AT+MIPRD=0,0");
            assertThat(at.linesUntilFinal()).hasSize(13);
        }
    }

    @Test
    void streamBufferStopsReadingAtTheTcpWindow() throws Exception {
        start(EmulatedFamily.MN316A);
        int total = 10 * 1000;
        try (HoldingPeer peer = new HoldingPeer(total)) {
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + peer.port() + ",,2", "OK", "+MIPOPEN: 0,0");
            // the peer answers only once all of it arrived, so no URC falls between a command and its answer
            for (int i = 0; i < 10; i++) {
                String chunk = "z".repeat(1000);
                at.exchange("AT+MIPSEND=0,1000,\"" + chunk + "\"", "+MIPSEND: 0,1000", "OK");
            }
            int read = 0;
            while (read < total) {
                String urc = at.nextLine();
                int buffered = Integer.parseInt(urc.substring(urc.lastIndexOf(',') + 1));
                assertThat(buffered).isLessThanOrEqualTo(2048);
                if (buffered == 2048 || read + buffered == total) {
                    at.command("AT+MIPRD=0,1460");
                    String line = at.nextLine();
                    assertThat(line).startsWith("+MIPRD: 0,");
                    read += Integer.parseInt(line.split(",")[2]);
                    at.expectLine("OK");
                }
            }
            assertThat(read).isEqualTo(total);
        }
    }

    /** A TCP peer that reads {@code total} bytes and only then writes them all back. */
    private static final class HoldingPeer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final Thread thread;
        private volatile Socket accepted;

        HoldingPeer(int total) throws IOException {
            thread = Thread.ofVirtual().start(() -> {
                try (Socket socket = server.accept()) {
                    accepted = socket;
                    socket.getOutputStream().write(socket.getInputStream().readNBytes(total));
                    socket.getInputStream().read(); // keep the connection open until the test ends
                } catch (IOException closed) {
                    // the test ended
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            server.close();
            Socket socket = accepted;
            if (socket != null) {
                socket.close();
            }
            thread.join(WAIT.toMillis());
        }
    }

    @Test
    void promptTimeoutSendsWhatArrivedAndCtrlZEndsUnspecifiedLength() throws Exception {
        start(EmulatedFamily.ML307R);
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            at.exchange("AT+MIPCFG=\"timeout\",0,1", "OK");
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + echo.port(), "OK", "+MIPOPEN: 0,0");
            at.command("AT+MIPSEND=0,10");
            at.expectBytes("\r\n>\r\n");
            at.send("abc");
            at.expectLine("+MIPSEND: 0,3");
            at.expectLine("OK");
            at.expectLine("+MIPURC: \"rtcp\",0,3,abc");
            at.command("AT+MIPSEND=0");
            at.expectBytes("\r\n>\r\n");
            at.send("AT+X\r\n\u001A");
            at.expectLine("+MIPSEND: 0,6");
            at.expectLine("OK");
            assertThat(at.expectDataLine("+MIPURC: \"rtcp\",0,6,", 6))
                    .isEqualTo("AT+X\r\n".getBytes(StandardCharsets.US_ASCII));
            at.command("AT+MIPSEND=0,0");
            at.expectBytes("\r\n>\r\n");
            at.send("zz\u001B");
            at.expectLine("OK");
        }
    }
}
