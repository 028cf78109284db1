package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mipgate.api.problem.Problems;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.module.request.PingRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every code of the reference's error table (AT-REFERENCE §4) as the driver takes it: the typed error it raises and
 * the problem the API answers with. The module is made to answer each code (fault injection), because several have
 * no situation a module on loopback can produce (556/562 need a listening socket the command set never opens,
 * 560/561 a socket that fails while the stack still holds the connection); {@link ModuleErrorSurfaceTest} and
 * {@code emulator.ErrorSurfaceConformanceTest} produce the reachable ones from their real causes.
 */
class ErrorCatalogueMappingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Gateway gateway;
    private static ModuleClient ml307r;
    private static ModuleClient mn316;

    @BeforeAll
    static void start() {
        gateway = new Gateway();
        ml307r = gateway.emulated("cat1", "ML307R");
        mn316 = gateway.emulated("nb", "MN316");
        gateway.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static Throwable failureOf(CompletableFuture<?> operation) {
        Throwable failure = catchThrowable(() -> operation.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertThat(failure).as("the operation failed").isNotNull();
        return Problems.unwrap(failure);
    }

    /** The module's refusal of a ping with {@code code}: its name, and the problem by what the code means. */
    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "550, TCPIP_UNKNOWN_ERROR,         409, state-conflict,      false",
            "551, TCPIP_NOT_IN_USE,            409, state-conflict,      false",
            "552, TCPIP_ALREADY_IN_USE,        409, state-conflict,      false",
            "553, TCPIP_NOT_CONNECTED,         409, state-conflict,      false",
            "554, SOCKET_CREATE_FAILED,        502, module-fault,        false",
            "555, SOCKET_BIND_FAILED,          502, module-fault,        false",
            "556, SOCKET_LISTEN_FAILED,        502, module-fault,        false",
            "557, SOCKET_CONNECTION_REFUSED,   502, network-failure,     false",
            "558, SOCKET_CONNECT_TIMEOUT,      502, network-failure,     false",
            "559, SOCKET_CONNECT_FAILED,       502, network-failure,     false",
            "560, SOCKET_WRITE_ERROR,          502, network-failure,     false",
            "561, SOCKET_READ_ERROR,           502, network-failure,     false",
            "562, SOCKET_ACCEPT_ERROR,         502, network-failure,     false",
            "570, PDP_NOT_ACTIVATED,           503, network-unavailable, true",
            "571, PDP_ACTIVATION_FAILED,       503, network-unavailable, true",
            "572, PDP_DEACTIVATION_FAILED,     503, network-unavailable, true",
            "575, APN_NOT_CONFIGURED,          503, network-unavailable, true",
            "576, PORT_BUSY,                   503, module-busy,         true",
            "577, IP_VERSION_NOT_SUPPORTED,    422, module-refused,      false",
            "580, DNS_FAILED_OR_BAD_IP_FORMAT, 502, dns-failed,          false",
            "581, DNS_BUSY,                    503, module-busy,         true",
            "582, PING_BUSY,                   503, module-busy,         true"})
    void everyCodeOfTheReferenceIsATypedErrorAndAProblemByItsMeaning(int code, String name, int status, String type,
                                                                       boolean retryAfter) {
        assertThat(ModuleErrorCode.nameOf(code)).isEqualTo(name);
        gateway.module("cat1").faults().failNextCommands(code, 1);

        Throwable failure = failureOf(ml307r.ping(new PingRequest("127.0.0.1", 1, 1, null, null)));

        assertThat(failure).isInstanceOf(ModuleException.ModuleRefused.class);
        ModuleException.ModuleRefused refused = (ModuleException.ModuleRefused) failure;
        assertThat(refused.code()).isEqualTo(code);
        assertThat(refused.errorName()).isEqualTo(name);
        Problems.Mapped problem = Problems.map(failure);
        assertThat(problem.problem().getStatus()).isEqualTo(status);
        assertThat(problem.problem().getType()).hasToString("https://mipgate.io/problems/" + type);
        assertThat(problem.problem().getProperties()).containsEntry("cmeCode", code).containsEntry("cmeName", name);
        assertThat(problem.retryAfter() != null).isEqualTo(retryAfter);
    }

    /** The generic refusals: a plain {@code ERROR} and 3 "operation not allowed" (a second AT+MNTP) refuse the request. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"-1, ", "3, OPERATION_NOT_ALLOWED"})
    void aPlainErrorAndOperationNotAllowedAreRefusalsOfTheRequest(int code, String name) {
        gateway.module("cat1").faults().failNextCommands(code, 1);

        Throwable failure = failureOf(ml307r.ping(new PingRequest("127.0.0.1", 1, 1, null, null)));

        assertThat(failure).isInstanceOf(ModuleException.ModuleRefused.class);
        assertThat(((ModuleException.ModuleRefused) failure).code()).isEqualTo(code < 0 ? null : code);
        Problems.Mapped problem = Problems.map(failure);
        assertThat(problem.problem().getStatus()).isEqualTo(422);
        assertThat(problem.problem().getType()).hasToString("https://mipgate.io/problems/module-refused");
        if (name != null) {
            assertThat(problem.problem().getProperties()).containsEntry("cmeName", name);
        }
    }

    /**
     * An NB module reports a failed open as {@code +MIPOPEN: <id>,1} without the cause (fn 15): the same failure a
     * Cat.1 module reports as 557, so the same kind of problem, and the connection is closed.
     */
    @Test
    void anNbOpenThatFailsWithResult1IsANetworkFailureLikeTheCat1Code() throws Exception {
        int closedPort;
        try (TcpEchoServer closed = TcpEchoServer.start()) {
            closedPort = closed.port();
        }
        OpenRequest refusedPeer = new OpenRequest(Protocol.TCP, "127.0.0.1", closedPort, 0, null, null, null);

        Throwable nb = failureOf(mn316.open(refusedPeer));
        Throwable cat1 = failureOf(ml307r.open(refusedPeer));

        assertThat(nb).isInstanceOf(ModuleException.ModuleRefused.class);
        assertThat(((ModuleException.ModuleRefused) nb).code()).isNull();
        assertThat(((ModuleException.ModuleRefused) cat1).code()).isEqualTo(557);
        assertThat(Problems.map(nb).problem().getType()).isEqualTo(Problems.map(cat1).problem().getType());
        assertThat(Problems.map(nb).problem().getStatus()).isEqualTo(502);
        assertThat(mn316.connection(0).state()).isEqualTo(ConnectionState.CLOSED);
    }
}
