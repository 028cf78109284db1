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

    /**
     * A request with the attack in one string field: method, path, key, body, and the command it would become on the
     * line ({@code null}: the raw command itself, {@code AT} followed by the attack).
     */
    private record Target(String name, String method, String path, String key, String command,
                          Function<String, String> body) {

        /** What must not appear on the line: the command the request would have written. */
        String footprint(String attack) {
            return command != null ? command : "AT" + attack.charAt(0);
        }
    }

    private static final List<Target> TARGETS = List.of(
            new Target("open host", "POST", ML307R + "/connections", OPERATOR, "+MIPOPEN",
                    v -> "{\"protocol\":\"TCP\",\"host\":" + json(v) + ",\"port\":80}"),
            new Target("open host (MN316)", "POST", MN316 + "/connections", OPERATOR, "+MIPOPEN",
                    v -> "{\"protocol\":\"UDP\",\"host\":" + json(v) + ",\"port\":80}"),
            new Target("ping host", "POST", ML307R + "/ping", OPERATOR, "+MPING", v -> "{\"host\":" + json(v) + "}"),
            new Target("dns domain", "POST", ML307R + "/dns", OPERATOR, "+MDNSGIP", v -> "{\"domain\":" + json(v) + "}"),
            new Target("ntp server", "POST", ML307R + "/ntp", OPERATOR, "+MNTP", v -> "{\"server\":" + json(v) + "}"),
            new Target("dns server primary", "PUT", MN316 + "/config/dns/ip", ADMIN, "+MDNSCFG",
                    v -> "{\"primary\":" + json(v) + "}"),
            new Target("dns server secondary", "PUT", MN316 + "/config/dns/ip", ADMIN, "+MDNSCFG",
                    v -> "{\"primary\":\"8.8.8.8\",\"secondary\":" + json(v) + "}"),
            new Target("raw AT", "POST", ML307R + "/at", ADMIN, null, v -> "{\"command\":" + json("AT" + v) + "}"));

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
                // the module's own follow-ups (a status read after a reset) may write meanwhile: what matters is that
                // nothing of this request did
                for (var written : Map.of("emu-ml307r", ml307r, "emu-mn316", mn316).entrySet()) {
                    assertThat(ApiTestEnvironment.EMULATORS.writtenText(written.getKey(), written.getValue()))
                            .as("bytes to %s", written.getKey())
                            .doesNotContain(target.footprint(value)).doesNotContain("CFUN=0");
                }
            })));
        }
        return tests;
    }
}
