package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** One module error code per row of the error table: its status, problem type, CME fields and Retry-After. */
class ModuleErrorStatusApiTest extends ApiTestBase {

    private static final String PING = "/ping";
    private static final String PING_ONCE = "{\"host\":\"127.0.0.1\",\"count\":1}";
    private static final String DNS = "/dns";
    private static final String LOOKUP = "{\"domain\":\"echo.mipgate.test\"}";

    /** The first lookup after a boot is retried twice on 580/581, so DNS rows fail three attempts. */
    @ParameterizedTest(name = "{0} on {2} -> {4} {5}")
    @CsvSource({
            "553, 1, " + PING + ", '" + PING_ONCE + "', 409, state-conflict, TCPIP_NOT_CONNECTED, false",
            "50, 1, " + PING + ", '" + PING_ONCE + "', 422, module-refused, INCORRECT_PARAMETERS, false",
            "582, 1, " + PING + ", '" + PING_ONCE + "', 503, module-busy, PING_BUSY, true",
            "581, 3, " + DNS + ", '" + LOOKUP + "', 503, module-busy, DNS_BUSY, true",
            "571, 1, " + PING + ", '" + PING_ONCE + "', 503, network-unavailable, PDP_ACTIVATION_FAILED, true",
            "557, 1, " + PING + ", '" + PING_ONCE + "', 502, network-failure, SOCKET_CONNECTION_REFUSED, false",
            "580, 3, " + DNS + ", '" + LOOKUP + "', 502, dns-failed, DNS_FAILED_OR_BAD_IP_FORMAT, false",
            "100, 1, " + PING + ", '" + PING_ONCE + "', 502, module-fault, UNKNOWN, false"})
    void moduleErrorsMapByMeaning(int code, int attempts, String operation, String body, int status, String type,
                                  String name, boolean retryAfter) {
        ApiTestEnvironment.EMULATORS.module("emu-ml307r").faults().failNextCommands(code, attempts);
        Reply reply = post(ML307R + operation, OPERATOR, body);
        JsonNode problem = reply.problem(status, type);
        assertThat(problem.path("cmeCode").asInt()).isEqualTo(code);
        assertThat(problem.path("cmeName").asString()).isEqualTo(name);
        assertThat(problem.path("moduleId").asString()).isEqualTo("emu-ml307r");
        if (retryAfter) {
            assertThat(reply.header("Retry-After")).matches("[1-9][0-9]*");
        } else {
            assertThat(reply.header("Retry-After")).isNull();
        }
    }
}
