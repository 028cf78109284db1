package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.mipgate.api.problem.Problems;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.net.LoopbackDnsServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gateway against a virtual module in each situation that makes a module answer one of the reference's error
 * codes (AT-REFERENCE §4) or report {@code "disconn"} state 3: the typed error the driver raises, the state the
 * connection is left in, and the problem the API answers with.
 */
class ModuleErrorSurfaceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ModuleClient module;

    @RegisterExtension
    final EchoAndGateway fixture = new EchoAndGateway();

    @BeforeEach
    void start() throws Exception {
        module = fixture.gateway.emulated("m", "ML307R");
    }

    private OpenRequest tcp(String host, int port, int connectId, Integer localPort) {
        return new OpenRequest(Protocol.TCP, host, port, connectId, null, null, localPort);
    }

    private OpenRequest echoOn(int connectId) {
        return tcp("127.0.0.1", fixture.echo.port(), connectId, null);
    }

    /** The module's refusal behind a failed operation, with the problem the API would answer. */
    private static Refusal refusal(CompletableFuture<?> operation) {
        Throwable failure = catchThrowable(() -> operation.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertThat(failure).as("the operation failed").isNotNull();
        Throwable cause = Problems.unwrap(failure);
        assertThat(cause).isInstanceOf(ModuleException.ModuleRefused.class);
        return new Refusal((ModuleException.ModuleRefused) cause, Problems.map(cause));
    }

    private record Refusal(ModuleException.ModuleRefused error, Problems.Mapped problem) {
        Refusal is(int code, String name, int status, String type, boolean retryAfter) {
            assertThat(error.code()).isEqualTo(code);
            assertThat(error.errorName()).isEqualTo(name);
            assertThat(problem.problem().getStatus()).isEqualTo(status);
            assertThat(problem.problem().getType()).hasToString("https://mipgate.io/problems/" + type);
            assertThat(problem.retryAfter() != null).isEqualTo(retryAfter);
            return this;
        }
    }

    private void assertClosed(int connectId, String reason) {
        ConnectionSnapshot connection = module.connection(connectId);
        assertThat(connection.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(connection.reason()).contains(reason);
    }

    @Test
    void withoutADataCallOpensAnswer570AndActivationFailsWith571UntilTheNetworkIsBack() throws Exception {
        fixture.gateway.start();
        fixture.gateway.module("m").faults().networkLost(true);
        await().atMost(WAIT).until(() -> !module.readDataCall().get(10, TimeUnit.SECONDS).active());

        refusal(module.open(echoOn(0))).is(570, "PDP_NOT_ACTIVATED", 503, "network-unavailable", true);
        assertClosed(0, "PDP_NOT_ACTIVATED");
        refusal(module.activateDataCall()).is(571, "PDP_ACTIVATION_FAILED", 503, "network-unavailable", true);

        fixture.gateway.module("m").faults().networkLost(false);
        DataCallState up = module.activateDataCall().get(30, TimeUnit.SECONDS);
        assertThat(up.active()).isTrue();
        assertThat(up.address()).isNotBlank();
        assertThat(module.open(echoOn(0)).get(15, TimeUnit.SECONDS).state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void deactivatingTheDataCallClosesEveryConnectionAsPdpDeactivatedAndASecondTimeIs572() throws Exception {
        fixture.gateway.start();
        module.open(echoOn(0)).get(15, TimeUnit.SECONDS);
        module.open(echoOn(1)).get(15, TimeUnit.SECONDS);

        assertThat(module.deactivateDataCall().get(30, TimeUnit.SECONDS).active()).isFalse();

        await().atMost(WAIT).untilAsserted(() -> {
            assertClosed(0, "PDP deactivated");
            assertClosed(1, "PDP deactivated");
        });
        refusal(module.deactivateDataCall()).is(572, "PDP_DEACTIVATION_FAILED", 503, "network-unavailable", true);
    }

    @Test
    void aSimWithoutApnAndNoneConfiguredIs575() throws Exception {
        ModuleClient bare = fixture.gateway.emulated("bare", "ML307R?dataCall=down&simApn=none");
        fixture.gateway.start();
        refusal(bare.activateDataCall()).is(575, "APN_NOT_CONFIGURED", 503, "network-unavailable", true);
        assertThat(bare.dataCall().active()).isFalse();
    }

    @Test
    void aLocalPortAnotherConnectionHoldsIs576() throws Exception {
        fixture.gateway.start();
        int localPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            localPort = probe.getLocalPort();
        }
        module.open(tcp("127.0.0.1", fixture.echo.port(), 0, localPort)).get(15, TimeUnit.SECONDS);

        refusal(module.open(tcp("127.0.0.1", fixture.echo.port(), 1, localPort)))
                .is(576, "PORT_BUSY", 503, "module-busy", true);
        assertClosed(1, "PORT_BUSY");
        assertThat(module.connection(0).state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void anOpenBeyondTheSocketLimitIs554() throws Exception {
        fixture.gateway.start();
        fixture.gateway.module("m").faults().limitSockets(1);
        module.open(echoOn(0)).get(15, TimeUnit.SECONDS);

        refusal(module.open(echoOn(1))).is(554, "SOCKET_CREATE_FAILED", 502, "module-fault", false);
        assertClosed(1, "SOCKET_CREATE_FAILED");
    }

    @Test
    void aRefusedConnectIs557() throws Exception {
        fixture.gateway.start();
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        refusal(module.open(tcp("127.0.0.1", closedPort, 2, null)))
                .is(557, "SOCKET_CONNECTION_REFUSED", 502, "network-failure", false);
        assertClosed(2, "SOCKET_CONNECTION_REFUSED");
    }

    @Test
    void aNameThatDoesNotResolveIs580() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            ModuleClient resolving = fixture.gateway.emulated("d", "ML307R?dns=127.0.0.1:" + dns.port());
            fixture.gateway.start();
            refusal(resolving.open(tcp("nowhere.mipgate.test", fixture.echo.port(), 3, null)))
                    .is(580, "DNS_FAILED_OR_BAD_IP_FORMAT", 502, "dns-failed", false);
            assertThat(resolving.connection(3).state()).isEqualTo(ConnectionState.CLOSED);
        }
    }

    @Test
    void anAddressOfAFamilyTheContextDoesNotCarryIs577() throws Exception {
        fixture.gateway.start();
        module.deactivateDataCall().get(30, TimeUnit.SECONDS);
        assertThat(module.raw("AT+CGDCONT=1,\"IP\",\"CMIOT\"", Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS).ok())
                .isTrue();
        module.activateDataCall().get(30, TimeUnit.SECONDS);

        refusal(module.open(tcp("::1", fixture.echo.port(), 4, null)))
                .is(577, "IP_VERSION_NOT_SUPPORTED", 422, "module-refused", false);
        assertClosed(4, "IP_VERSION_NOT_SUPPORTED");
    }

    @Test
    void aCloseThePeerNeverAnswersEndsWithRetCode1OnTheModelsThatReportIt() throws Exception {
        ModuleClient ml307g = fixture.gateway.emulated("g", "ML307G");
        fixture.gateway.start();
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            java.util.List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    held.add(silent.accept());
                } catch (java.io.IOException e) {
                    // the test ended
                }
            });
            ml307g.open(tcp("127.0.0.1", silent.getLocalPort(), 0, null)).get(15, TimeUnit.SECONDS);

            CloseOutcome closed = ml307g.close(0, io.mipgate.domain.CloseMode.GRACEFUL).get(30, TimeUnit.SECONDS);

            assertThat(closed.retCode()).isEqualTo(1);
            assertThat(closed.connection().state()).isEqualTo(ConnectionState.CLOSED);
            assertThat(closed.connection().reason()).contains("the server did not respond");
            for (java.net.Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aCloseWithAModeEndsWithRetCode0ForAnOrderlyPeerAnd2ForAResettingOne() throws Exception {
        ModuleClient ml307g = fixture.gateway.emulated("g", "ML307G");
        fixture.gateway.start();
        try (ServerSocket resetting = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (java.net.Socket peer = resetting.accept()) {
                    while (peer.getInputStream().read() >= 0) {
                        // until the module's FIN
                    }
                    peer.setSoLinger(true, 0);
                } catch (java.io.IOException e) {
                    // the test ended
                }
            });
            ml307g.open(echoOn(0)).get(15, TimeUnit.SECONDS);
            CloseOutcome orderly = ml307g.close(0, io.mipgate.domain.CloseMode.GRACEFUL).get(30, TimeUnit.SECONDS);
            assertThat(orderly.retCode()).isEqualTo(0);
            assertThat(orderly.connection().reason()).contains("closed normally");

            ml307g.open(tcp("127.0.0.1", resetting.getLocalPort(), 1, null)).get(15, TimeUnit.SECONDS);
            CloseOutcome reset = ml307g.close(1, io.mipgate.domain.CloseMode.GRACEFUL).get(30, TimeUnit.SECONDS);
            assertThat(reset.retCode()).isEqualTo(2);
            assertThat(reset.connection().state()).isEqualTo(ConnectionState.CLOSED);
            assertThat(reset.connection().reason()).contains("closed for another reason");
        }
    }

    @Test
    void aPeerCloseIsDisconnState1AndAResetState2() throws Exception {
        fixture.gateway.start();
        module.open(echoOn(0)).get(15, TimeUnit.SECONDS);
        assertThat(fixture.echo.awaitAccepted(1, WAIT)).as("the peer accepted before it closes").isTrue();
        fixture.echo.closeAll();
        await().atMost(WAIT).untilAsserted(() -> assertClosed(0, "peer closed"));

        module.open(echoOn(1)).get(15, TimeUnit.SECONDS);
        assertThat(fixture.echo.awaitAccepted(2, WAIT)).as("the peer accepted before it resets").isTrue();
        fixture.echo.resetAll();
        await().atMost(WAIT).untilAsserted(() -> assertClosed(1, "connection error"));
    }

    @Test
    void aConnectNobodyAnswersIs558() throws Exception {
        fixture.gateway.start();
        // a listener whose accept queue is full drops further SYNs, so the connect runs into its timeout
        try (ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.util.List<java.net.Socket> fillers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    java.net.Socket filler = new java.net.Socket();
                    try {
                        filler.connect(full.getLocalSocketAddress(), 300);
                        fillers.add(filler);
                    } catch (java.io.IOException e) {
                        filler.close(); // the queue is full
                    }
                }
                refusal(module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", full.getLocalPort(), 5, null, 1, null)))
                        .is(558, "SOCKET_CONNECT_TIMEOUT", 502, "network-failure", false);
                assertClosed(5, "SOCKET_CONNECT_TIMEOUT");
            } finally {
                for (java.net.Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }
}
