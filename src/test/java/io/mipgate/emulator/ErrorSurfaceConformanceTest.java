package io.mipgate.emulator;

import static io.mipgate.emulator.EmulatorHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.net.TcpEchoServer;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reference's error codes (AT-REFERENCE §4) and the {@code "disconn"} states, each produced by the situation that
 * causes it on a module, observed on the wire. The data call is FIELD-NOTES §5.
 */
class ErrorSurfaceConformanceTest {

    private EmulatorHarness at;
    private TcpEchoServer echo;

    @AfterEach
    void tearDown() throws Exception {
        if (at != null) {
            at.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    private void start(EmulatorConfig.Builder config) throws Exception {
        at = EmulatorHarness.start(config.build());
        echo = TcpEchoServer.start();
    }

    private String openTcp(int id) {
        return "AT+MIPOPEN=" + id + ",\"TCP\",\"127.0.0.1\"," + echo.port();
    }

    @Test
    void theDataCallIsUpAfterBootAndReadsAsTheFieldShowsIt() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.ML307R));
        String address = InetAddress.getLoopbackAddress().getHostAddress();
        at.exchange("AT+MIPCALL?", "+MIPCALL: 1,1,\"" + address + "\"", "OK");
        at.exchange("AT+MIPCALL=?", "+MIPCALL: (0-1),(1-15)", "OK");
        at.exchange("AT+CGACT?", "+CGACT: 1,1", "OK");
        at.exchange("AT+CGPADDR=1", "+CGPADDR: 1,\"" + address + "\"", "OK");
        at.exchange("AT+CGDCONT?", "+CGDCONT: 1,\"IPV4V6\",\"CMIOT\",,0,0,,,,", "OK");
        at.exchange("AT+MIPCALL=1,1", "+CME ERROR: 50"); // already active (FIELD §5)
        at.exchange("AT+MIPCALL", "ERROR");
        at.exchange("AT+MIPCALL=1", "ERROR");
        // changing the context while it is up is not allowed in that state
        at.exchange("AT+CGDCONT=1,\"IP\",\"other\"", "+CME ERROR: 3");
    }

    @Test
    void deactivatingTheDataCallEndsEveryConnectionWithState3AndOpensThenAnswer570() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.ML307R));
        at.exchange(openTcp(0), "OK", "+MIPOPEN: 0,0");
        at.exchange(openTcp(1), "OK", "+MIPOPEN: 1,0");
        at.exchange("AT+MIPCALL=0,1", "OK", "+MIPURC: \"disconn\",0,3", "+MIPURC: \"disconn\",1,3");
        at.exchange("AT+MIPCALL?", "OK");
        at.exchange("AT+CGPADDR", "OK");
        at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,,,,\"INITIAL\"", "OK");
        at.exchange(openTcp(0), "+CME ERROR: 570");
        at.exchange("AT+MDNSGIP=\"echo.mipgate.test\"", "+CME ERROR: 570");
        at.exchange("AT+MPING=\"127.0.0.1\"", "+CME ERROR: 570");
        at.exchange("AT+MIPCALL=0,1", "+CME ERROR: 572"); // nothing to deactivate
        at.exchange("AT+CGACT=1,1", "OK");
        at.exchange(openTcp(0), "OK", "+MIPOPEN: 0,0");
        at.exchange("AT+CGACT=0,1", "OK", "+MIPURC: \"disconn\",0,3");
    }

    @Test
    void aLostNetworkDropsTheContextAndActivationFailsWith571UntilItIsBack() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.ML307R));
        at.exchange(openTcp(2), "OK", "+MIPOPEN: 2,0");
        at.faults().networkLost(true);
        at.expectLine("+MIPURC: \"disconn\",2,3");
        at.exchange("AT+MIPCALL=1,1", "+CME ERROR: 571");
        at.faults().networkLost(false);
        at.exchange("AT+MIPCALL=1,1", "OK");
        at.exchange("AT+CGACT?", "+CGACT: 1,1", "OK");
    }

    @Test
    void withoutAnApnFromTheSimOrTheHostActivationAnswers575() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.ML307R).dataCallAtBoot(false).simApn(null));
        at.exchange("AT+MIPCALL?", "OK");
        at.exchange(openTcp(0), "+CME ERROR: 570");
        at.exchange("AT+MIPCALL=1,1", "+CME ERROR: 575");
        at.exchange("AT+CGDCONT=1,\"IPV4V6\",\"cmnet\"", "OK");
        at.exchange("AT+MIPCALL=1,1", "OK");
        at.exchange("AT+CGDCONT?", "+CGDCONT: 1,\"IPV4V6\",\"cmnet\",,0,0,,,,", "OK");
    }

    @Test
    void anAddressOfAFamilyTheContextLacksAnswers577() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.ML307R).dataCallAtBoot(false));
        at.exchange("AT+CGDCONT=1,\"IP\",\"CMIOT\"", "OK");
        at.exchange("AT+MIPCALL=1,1", "OK");
        at.exchange("AT+MIPOPEN=0,\"TCP\",\"::1\"," + echo.port(), "+CME ERROR: 577");
        at.exchange(openTcp(0), "OK", "+MIPOPEN: 0,0");
    }

    @Test
    void aLocalPortAnotherConnectionHoldsIs576AndOneTheHostHoldsFailsToBindWith555() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.ML307R));
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(0))) {
            int free = freeUdpPort();
            at.exchange("AT+MIPOPEN=0,\"UDP\",\"127.0.0.1\",7,60,0," + free, "OK", "+MIPOPEN: 0,0");
            at.exchange("AT+MIPOPEN=1,\"UDP\",\"127.0.0.1\",7,60,0," + free, "+CME ERROR: 576");
            at.exchange("AT+MIPOPEN=1,\"UDP\",\"127.0.0.1\",7,60,0," + taken.getLocalPort(), "OK",
                    "+MIPOPEN: 1,555");
        }
    }

    @Test
    void beyondTheStacksSocketLimitAnOpenFailsWith554() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.ML307R));
        at.faults().limitSockets(1);
        at.exchange(openTcp(0), "OK", "+MIPOPEN: 0,0");
        at.exchange(openTcp(1), "OK", "+MIPOPEN: 1,554");
        at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
        at.exchange(openTcp(1), "OK", "+MIPOPEN: 1,0");
    }

    @Test
    void nbModulesReportAFailedOpenAsResult1() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.MN316));
        at.faults().limitSockets(1);
        at.exchange(openTcp(0), "OK", "+MIPOPEN: 0,0");
        at.exchange(openTcp(1), "OK", "+MIPOPEN: 1,1"); // fn 15
        at.faults().dropDataCall();
        at.expectLine("+MIPURC: \"disconn\",0,3");
    }

    @Test
    void theDataCallCanStartDownAndTheHostBringsItUp() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.ML307R).dataCallAtBoot(false));
        at.exchange("AT+CGACT?", "+CGACT: 1,0", "OK");
        at.exchange("AT+MIPCALL=1,1", "OK");
        at.exchange(openTcp(0), "OK", "+MIPOPEN: 0,0");
        assertThat(echo.awaitAccepted(1, WAIT)).isTrue();
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(0))) {
            return probe.getLocalPort();
        }
    }

    @Test
    void theReceiveBufferIsSetBeforeTheConnectionIsEstablished() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.ML307R));
        at.exchange("AT+MIPCFG=\"rcvbuf\",0,4096", "OK");
        at.exchange("AT+MIPOPEN=0,\"UDP\",\"127.0.0.1\",7", "OK", "+MIPOPEN: 0,0");
        at.exchange("AT+MIPCFG=\"rcvbuf\",0,8192", "+CME ERROR: 552");
        at.exchange("AT+MIPCFG=\"rcvbuf\",0", "+MIPCFG: \"rcvbuf\",0,4096", "OK");
        at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
        at.exchange("AT+MIPCFG=\"rcvbuf\",0,8192", "OK");
    }

    /** The ML307G reports how a close with an explicit mode ended (AT-REFERENCE 2.4.2 {@code <ret_code>}, fn 17). */
    @Test
    void aCloseWithAModeReportsWhetherThePeerClosedStayedSilentOrReset() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.ML307G));
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket resetting = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> acceptAndHold(silent, held));
            Thread.ofVirtual().start(() -> acceptAndResetOnEof(resetting));

            at.exchange(openTcp(0), "OK", "+MIPOPEN: 0,0");
            at.exchange("AT+MIPCLOSE=0,0", "OK", "+MIPCLOSE: 0,0"); // the echo peer closes in turn

            at.exchange("AT+MIPOPEN=1,\"TCP\",\"127.0.0.1\"," + silent.getLocalPort(), "OK", "+MIPOPEN: 1,0");
            at.command("AT+MIPCLOSE=1,0");
            at.expectLine("OK");
            long started = System.nanoTime();
            at.expectLine("+MIPCLOSE: 1,1"); // the server never answered the FIN
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

            at.exchange("AT+MIPOPEN=2,\"TCP\",\"127.0.0.1\"," + resetting.getLocalPort(), "OK", "+MIPOPEN: 2,0");
            at.exchange("AT+MIPCLOSE=2,0", "OK", "+MIPCLOSE: 2,2"); // RST received

            at.exchange(openTcp(3), "OK", "+MIPOPEN: 3,0");
            at.exchange("AT+MIPCLOSE=3,1", "OK", "+MIPCLOSE: 3"); // immediate close: no <ret_code>
            at.exchange(openTcp(4), "OK", "+MIPOPEN: 4,0");
            at.exchange("AT+MIPCLOSE=4", "OK", "+MIPCLOSE: 4"); // no <mode> given: none either
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** A second lookup while one waits for a DNS server that never answers is 581 (AT-REFERENCE 2.11.1). */
    @Test
    void aSecondLookupWhileOneRunsIsDnsBusy() throws Exception {
        try (DatagramSocket silentDns = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            start(EmulatorHarness.fast(EmulatedFamily.ML307R).dnsPort(silentDns.getLocalPort()));
            at.exchange("AT+MDNSGIP=\"first.mipgate.test\"", "OK");
            at.exchange("AT+MDNSGIP=\"second.mipgate.test\"", "+CME ERROR: 581");
        }
    }

    /** A connect the host's stack cannot even start (no route to a broadcast address) is 559, not 557 or 558. */
    @Test
    void aConnectTheStackCannotRouteFailsWith559() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.ML307R));
        at.exchange("AT+MIPOPEN=0,\"TCP\",\"255.255.255.255\",80", "OK", "+MIPOPEN: 0,559");
        at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,,,,\"INITIAL\"", "OK");
    }

    /**
     * The two passing states of AT-REFERENCE 2.8.2: CONNECTING while the connect runs (closing it then ends it at
     * once), CLOSING while a close waits for the peer, when a second close is refused with 550.
     */
    @Test
    void aConnectionReadsConnectingWhileItOpensAndClosingWhileItCloses() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.ML307G).openDelay(Duration.ofMillis(400)));
        at.command(openTcp(0));
        at.expectLine("OK");
        at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,\"TCP\",\"127.0.0.1\"," + echo.port() + ",\"CONNECTING\"", "OK");
        at.expectLine("+MIPOPEN: 0,0");
        at.command(openTcp(1));
        at.expectLine("OK");
        at.exchange("AT+MIPCLOSE=1", "OK", "+MIPCLOSE: 1");
        at.exchange("AT+MIPSTATE=1", "+MIPSTATE: 1,,,,\"INITIAL\"", "OK");
        at.expectSilence(Duration.ofMillis(600)); // the abandoned connect reports nothing

        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> acceptAndHold(silent, held));
            at.command("AT+MIPOPEN=2,\"TCP\",\"127.0.0.1\"," + silent.getLocalPort());
            at.expectLine("OK");
            at.expectLine("+MIPOPEN: 2,0");
            at.exchange("AT+MIPCLOSE=2,0", "OK"); // waits for the peer's FIN, which never comes
            at.exchange("AT+MIPSTATE=2", "+MIPSTATE: 2,\"TCP\",\"127.0.0.1\"," + silent.getLocalPort()
                    + ",\"CLOSING\"", "OK");
            at.exchange("AT+MIPCLOSE=2", "+CME ERROR: 550");
            at.expectLine("+MIPCLOSE: 2,1");
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static void acceptAndHold(ServerSocket server, List<Socket> held) {
        try {
            held.add(server.accept());
        } catch (IOException e) {
            // the test ended
        }
    }

    private static void acceptAndResetOnEof(ServerSocket server) {
        try (Socket peer = server.accept()) {
            while (peer.getInputStream().read() >= 0) {
                // until the module's FIN
            }
            peer.setSoLinger(true, 0);
        } catch (IOException e) {
            // the test ended
        }
    }

    /** Work of the same kind while one runs: 582 for a ping, 3 "operation not allowed" for a time request. */
    @Test
    void aSecondPingOrTimeRequestWhileOneRunsIsRefused() throws Exception {
        start(EmulatorHarness.fast(EmulatedFamily.ML307R).pingInterval(Duration.ofSeconds(1)));
        try (DatagramSocket silentNtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            at.exchange("AT+MNTP=\"127.0.0.1\"," + silentNtp.getLocalPort() + ",0,5", "OK");
            at.exchange("AT+MNTP=\"127.0.0.1\"," + silentNtp.getLocalPort() + ",0,5", "+CME ERROR: 3");
            // the echo lines of the first ping come while the second is refused, so this one is last
            at.command("AT+MPING=\"127.0.0.1\",1,3");
            at.expectLine("OK");
            at.command("AT+MPING=\"127.0.0.1\"");
            assertThat(at.linesUntilFinal()).last().isEqualTo("+CME ERROR: 582");
        }
    }
}
