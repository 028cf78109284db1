package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the servlet container, the security firewall and Spring MVC refuse is a problem too, not an HTML page or
 * Spring Boot's own JSON (issue 16, defect 2).
 */
class ServletProblemsApiTest extends HardeningApiTestBase {

    @Test
    void methodsNobodyMapsAreProblems() {
        assertProblem(send("TRACE", "/api/v1/modules", ADMIN, null, null, null), 405);
        assertProblem(send("PATCH", "/api/v1/modules", ADMIN, null, null, null), 405);
        assertProblem(send("PROPFIND", "/api/v1/modules", ADMIN, null, null, null), 400);
    }

    @Test
    void urlsTheContainerOrTheFirewallRefuseAreProblems() {
        assertProblem(get("/api/v1/modules/a%00b", ADMIN), 400);
        assertProblem(get("/api/v1/jobs/a;b=c", ADMIN), 400);
        assertProblem(get("/api/v1/modules/" + FUZZ_ML307R + "/connections/..", ADMIN), 400);
        assertProblem(get("/api/v1/modules/%2e%2e/connections", ADMIN), 400);
    }

    @Test
    void formBodiesOnJsonOperationsAreUnsupportedMediaTypes() {
        for (String path : new String[] {"/api/v1/modules/" + FUZZ_MN316 + "/config/mipcfg/cid/2",
                "/api/v1/modules/" + FUZZ_ML307R + "/connections/1/mode"}) {
            assertProblem(send("PUT", path, ADMIN, "application/x-www-form-urlencoded", "{}".getBytes(), null), 415);
            assertProblem(send("PUT", path, ADMIN, "application/x-www-form-urlencoded", "a=b&c=%00".getBytes(), null),
                    400);
        }
    }

    @Test
    void unknownRoutesAreProblemsInsideAndOutsideTheApi() {
        assertProblem(get("/api/v1/no-such-thing", ADMIN), 404);
        assertProblem(get("/no-such-thing", ADMIN), 404);
        assertProblem(send("GET", "/api/v1/no-such-thing", ADMIN, null, null, "text/html"), 404);
    }

    @Test
    void securityAnswersAreProblems() {
        assertProblem(get("/api/v1/modules", null), 401);
        assertProblem(get("/api/v1/modules", "wrong"), 401);
        assertProblem(post("/api/v1/modules/" + FUZZ_ML307R + "/at", VIEWER, "{\"command\":\"AT\"}"), 403);
        assertProblem(get("/actuator/metrics", VIEWER), 403);
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.text()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).startsWith(PROBLEM);
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
    }
}
