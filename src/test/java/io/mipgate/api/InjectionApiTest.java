package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * AT injection through every string field: each attempt is a 400 problem, and not one byte reaches a module.
 */
class InjectionApiTest extends ApiTestBase {

    private static final Map<String, String> ATTACKS = Map.of(
            "quote", "a\"b",
            "CR", "a\rb",
            "LF", "a\nb",
            "chained command", "x;AT+CFUN=0",
            "NUL", "a\u0000b",
            "escape", "a+++b",
            "very long", "a".repeat(2000),
            "unicode", "h\u00e9llo\u65e5\u672c",
            "quote and chain", "\",80\r\nAT+CFUN=0\r\n");

    /** A request with the attack in one string field: method, path, key, body. */
    private record Target(String name, String method, String path, String key, Function<String, String> body) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("open host", "POST", ML307R + "/connections", OPERATOR,
                    v -> "{\"protocol\":\"TCP\",\"host\":" + json(v) + ",\"port\":80}"),
            new Target("open host (MN316)", "POST", MN316 + "/connections", OPERATOR,
                    v -> "{\"protocol\":\"UDP\",\"host\":" + json(v) + ",\"port\":80}"),
            new Target("ping host", "POST", ML307R + "/ping", OPERATOR, v -> "{\"host\":" + json(v) + "}"),
            new Target("dns domain", "POST", ML307R + "/dns", OPERATOR, v -> "{\"domain\":" + json(v) + "}"),
            new Target("ntp server", "POST", ML307R + "/ntp", OPERATOR, v -> "{\"server\":" + json(v) + "}"),
            new Target("dns server primary", "PUT", MN316 + "/config/dns/ip", ADMIN,
                    v -> "{\"primary\":" + json(v) + "}"),
            new Target("dns server secondary", "PUT", MN316 + "/config/dns/ip", ADMIN,
                    v -> "{\"primary\":\"8.8.8.8\",\"secondary\":" + json(v) + "}"),
            new Target("raw AT", "POST", ML307R + "/at", ADMIN, v -> "{\"command\":" + json("AT" + v) + "}"));

    @TestFactory
    List<DynamicTest> everyStringFieldRefusesInjection() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Target target : TARGETS) {
            ATTACKS.forEach((attack, value) -> tests.add(DynamicTest.dynamicTest(target.name() + " / " + attack, () -> {
                long ml307r = quietWrittenCount("emu-ml307r");
                long mn316 = quietWrittenCount("emu-mn316");
                Reply reply = send(target.method(), target.path(), target.key(), "application/json",
                        target.body().apply(value).getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
                reply.problem(400, "invalid-request");
                assertThat(reply.json().path("errors").size()).isPositive();
                sleep(50);
                assertThat(ApiTestEnvironment.EMULATORS.written("emu-ml307r")).as("bytes to emu-ml307r").isEqualTo(ml307r);
                assertThat(ApiTestEnvironment.EMULATORS.written("emu-mn316")).as("bytes to emu-mn316").isEqualTo(mn316);
            })));
        }
        return tests;
    }
}
