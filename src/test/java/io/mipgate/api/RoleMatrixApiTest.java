package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.api.security.Role;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document × {no credentials, wrong key, VIEWER, OPERATOR, ADMIN}. The least role of
 * each operation is stated here, apart from the code under test; an operation the document has and this table lacks
 * fails the test, so a new endpoint cannot escape the matrix.
 */
class RoleMatrixApiTest extends HardeningApiTestBase {

    private static final String M = "/api/v1/modules/{moduleId}";
    private static final String C = M + "/connections/{connectId}";

    /** The least role of each documented operation. */
    private static final Map<String, Role> LEAST_ROLE = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/v1/modules", Role.VIEWER),
            Map.entry("GET " + M, Role.VIEWER),
            Map.entry("POST " + M + "/retry", Role.OPERATOR),
            Map.entry("GET " + M + "/config/mipcfg/{option}", Role.VIEWER),
            Map.entry("PUT " + M + "/config/mipcfg/{option}/{connectId}", Role.ADMIN),
            Map.entry("GET " + M + "/config/keepalive", Role.VIEWER),
            Map.entry("GET " + M + "/config/keepalive/{connectId}", Role.VIEWER),
            Map.entry("PUT " + M + "/config/keepalive/{connectId}", Role.ADMIN),
            Map.entry("GET " + M + "/config/dns/{option}", Role.VIEWER),
            Map.entry("PUT " + M + "/config/dns/{option}", Role.ADMIN),
            Map.entry("POST " + M + "/connections", Role.OPERATOR),
            Map.entry("GET " + M + "/connections", Role.VIEWER),
            Map.entry("GET " + C, Role.VIEWER),
            Map.entry("DELETE " + C, Role.OPERATOR),
            Map.entry("POST " + C + "/send", Role.OPERATOR),
            Map.entry("GET " + C + "/data", Role.OPERATOR),
            Map.entry("HEAD " + C + "/data", Role.VIEWER),
            Map.entry("GET " + C + "/sack", Role.VIEWER),
            Map.entry("PUT " + C + "/mode", Role.OPERATOR),
            Map.entry("POST " + M + "/ping", Role.OPERATOR),
            Map.entry("POST " + M + "/dns", Role.OPERATOR),
            Map.entry("POST " + M + "/ntp", Role.OPERATOR),
            Map.entry("GET " + M + "/events", Role.VIEWER),
            Map.entry("GET /api/v1/events", Role.VIEWER),
            Map.entry("POST " + M + "/at", Role.ADMIN),
            Map.entry("GET /api/v1/jobs/{jobId}", Role.VIEWER),
            Map.entry("GET " + C + "/history", Role.VIEWER),
            Map.entry("GET " + C + "/sack/history", Role.VIEWER),
            Map.entry("GET " + M + "/jobs", Role.VIEWER),
            Map.entry("GET " + M + "/ping/history", Role.VIEWER),
            Map.entry("GET " + M + "/status/history", Role.VIEWER),
            Map.entry("GET " + M + "/cellular/history", Role.VIEWER),
            Map.entry("GET " + M + "/dns/history", Role.VIEWER),
            Map.entry("GET " + M + "/ntp/history", Role.VIEWER),
            Map.entry("GET " + M + "/actions/history", Role.VIEWER),
            Map.entry("GET " + M + "/queue", Role.VIEWER),
            Map.entry("DELETE " + M + "/queue/{jobId}", Role.OPERATOR),
            Map.entry("GET /api/v1/cellular", Role.VIEWER),
            Map.entry("GET " + M + "/cellular", Role.VIEWER),
            Map.entry("POST " + M + "/cellular/refresh", Role.OPERATOR),
            Map.entry("PUT " + M + "/cellular/radio", Role.OPERATOR),
            Map.entry("PUT " + M + "/cellular/pdp-contexts/{cid}", Role.OPERATOR),
            Map.entry("POST " + M + "/reboot", Role.OPERATOR),
            Map.entry("GET " + M + "/usage", Role.VIEWER),
            Map.entry("GET " + M + "/usage/connections", Role.VIEWER),
            Map.entry("GET /api/v1/sims/{iccid}/usage", Role.VIEWER)));

    private static final Map<Role, String> KEYS = Map.of(Role.VIEWER, VIEWER, Role.OPERATOR, OPERATOR,
            Role.ADMIN, ADMIN);

    @Test
    void everyDocumentedOperationHasItsRoleStated() {
        List<String> documented = OpenApiOperations.all(this).stream().map(Object::toString).toList();
        assertThat(LEAST_ROLE.keySet()).as("operations in the matrix but no longer documented")
                .isSubsetOf(documented);
        assertThat(documented).as("documented operations without a stated role").isSubsetOf(LEAST_ROLE.keySet());
    }

    @Test
    void everyOperationAnswersEachCredentialAsItsRoleAllows() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (OpenApiOperations.Op op : OpenApiOperations.all(this)) {
            Role least = LEAST_ROLE.get(op.toString());
            if (least == null) {
                continue;
            }
            String path = concrete(op);
            expect(wrong, op, "no credentials", call(op, path, null), 401);
            expect(wrong, op, "wrong key", call(op, path, "wrong-key-0123456789"), 401);
            checked += 2;
            for (Role role : Role.values()) {
                int status = call(op, path, KEYS.get(role));
                checked++;
                if (role.compareTo(least) < 0) {
                    expect(wrong, op, role.name(), status, 403);
                } else if (status == 401 || status == 403 || status >= 500) {
                    wrong.add(op + " as " + role + ": " + status + " although the role allows it");
                }
            }
        }
        System.out.printf("role matrix: %d requests%n", checked);
        assertThat(wrong).isEmpty();
    }

    private static void expect(List<String> wrong, OpenApiOperations.Op op, String who, int status, int expected) {
        if (status != expected) {
            wrong.add(op + " as " + who + ": " + status + ", expected " + expected);
        }
    }

    /** The operation on this suite's ML307R, a connect_id nobody opened and an empty JSON body: nothing runs. */
    private static String concrete(OpenApiOperations.Op op) {
        // a reboot needs no body, so it would run: aimed at a module that does not exist, it answers 404 once allowed
        String module = op.path().endsWith("/reboot") ? "no-such-module" : FUZZ_ML307R;
        return op.path().replace("{moduleId}", module).replace("{connectId}", "5")
                .replace("{jobId}", UUID.randomUUID().toString()).replace("{cid}", "2")
                .replace("{iccid}", "89860412102080012345")
                .replace("{option}", op.path().contains("/dns/") ? "priority" : "autofree");
    }

    /** The status; an event stream is closed as soon as it is answered, and a problem's media type is checked. */
    private int call(OpenApiOperations.Op op, String path, String key) {
        if (op.isEventStream()) {
            HttpResponse<InputStream> stream = openStream(path, key);
            try {
                if (stream.statusCode() >= 400) {
                    assertThat(stream.headers().firstValue("Content-Type").orElse(""))
                            .startsWith("application/problem+json");
                }
                return stream.statusCode();
            } finally {
                closeQuietly(stream);
            }
        }
        boolean json = op.consumes().contains("application/json");
        Reply reply = send(op.method(), path, key, json ? "application/json" : null,
                json ? "{}".getBytes(StandardCharsets.UTF_8) : null, null);
        if (reply.status() == 401 || reply.status() == 403) {
            assertThat(reply.contentType()).as("%s %s", op, reply.status()).startsWith("application/problem+json");
        }
        return reply.status();
    }
}
