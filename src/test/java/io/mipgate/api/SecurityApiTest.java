package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SecurityApiTest extends ApiTestBase {

    @Test
    void missingOrWrongCredentialsAre401() {
        get("/api/v1/modules", null).problem(401, "unauthorized");
        get("/api/v1/modules", "not-a-key").problem(401, "unauthorized");
        get("/api/v1/nothing-here", null).problem(401, "unauthorized");
        assertThat(basic("GET", "/api/v1/modules", "alice", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void rolesPerEndpointGroup() {
        // VIEWER reads but changes nothing and does not consume received data
        assertThat(get("/api/v1/modules", VIEWER).status()).isEqualTo(200);
        assertThat(get(ML307R + "/connections", VIEWER).status()).isEqualTo(200);
        assertThat(get(ML307R + "/config/mipcfg/autofree", VIEWER).status()).isEqualTo(200);
        get(ML307R + "/connections/0/data", VIEWER).problem(403, "forbidden");
        post(ML307R + "/connections", VIEWER, "{}").problem(403, "forbidden");
        post(ML307R + "/connections/0/send", VIEWER, "{\"data\":\"x\"}").problem(403, "forbidden");
        put(ML307R + "/connections/0/mode", VIEWER, "{\"accessMode\":\"normal\"}").problem(403, "forbidden");
        delete(ML307R + "/connections/0", VIEWER).problem(403, "forbidden");
        post(ML307R + "/ping", VIEWER, "{}").problem(403, "forbidden");
        post(ML307R + "/dns", VIEWER, "{}").problem(403, "forbidden");
        post(ML307R + "/ntp", VIEWER, "{}").problem(403, "forbidden");
        post(ML307R + "/retry", VIEWER, null).problem(403, "forbidden");
        // OPERATOR operates connections but neither configures nor sends raw AT
        assertThat(get(ML307R + "/connections/0/data", OPERATOR).status()).isEqualTo(200);
        assertThat(post(ML307R + "/connections", OPERATOR, "{}").status()).isEqualTo(400);
        put(ML307R + "/config/mipcfg/autofree/0", OPERATOR, "{\"hostReleases\":true}").problem(403, "forbidden");
        put(ML307R + "/config/keepalive/0", OPERATOR, "{\"enabled\":false}").problem(403, "forbidden");
        put(ML307R + "/config/dns/priority", OPERATOR, "{\"ipv6First\":false}").problem(403, "forbidden");
        post(ML307R + "/at", OPERATOR, "{\"command\":\"AT\"}").problem(403, "forbidden");
        // ADMIN does everything
        assertThat(post(ML307R + "/at", ADMIN, "{\"command\":\"AT\"}").status()).isEqualTo(200);
        assertThat(get(ML307R + "/connections/0/data", ADMIN).status()).isEqualTo(200);
    }

    @Test
    void basicAuthAndBcryptKeys() {
        assertThat(basic("POST", ML307R + "/at", "alice", "alice-secret").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/modules", "bcrypt-key-0123456789").status()).isEqualTo(200);
        post(ML307R + "/at", "bcrypt-key-0123456789", "{\"command\":\"AT\"}").problem(403, "forbidden");
    }

    @Test
    void healthIsOpenAndPrometheusNeedsItsToken() throws Exception {
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", VIEWER).status()).isEqualTo(403);
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + METRICS).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        HttpResponse<String> wrong = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer nope").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void openApiDocumentCoversEveryEndpoint() {
        assertThat(get("/v3/api-docs", null).status()).isEqualTo(401);
        Reply docs = get("/v3/api-docs", VIEWER);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        Set<String> documented = new TreeSet<>();
        paths.propertyNames().forEach(path -> paths.path(path).propertyNames().forEach(method ->
                documented.add(method.toUpperCase() + " " + path)));
        String m = "/api/v1/modules/{moduleId}";
        String c = m + "/connections/{connectId}";
        assertThat(documented).containsAll(List.of("GET /api/v1/modules", "GET " + m, "POST " + m + "/retry",
                "GET " + m + "/config/mipcfg/{option}", "PUT " + m + "/config/mipcfg/{option}/{connectId}",
                "GET " + m + "/config/keepalive", "GET " + m + "/config/keepalive/{connectId}",
                "PUT " + m + "/config/keepalive/{connectId}", "GET " + m + "/config/dns/{option}",
                "PUT " + m + "/config/dns/{option}", "POST " + m + "/connections", "GET " + m + "/connections",
                "GET " + c, "DELETE " + c, "POST " + c + "/send", "GET " + c + "/data", "GET " + c + "/sack",
                "PUT " + c + "/mode", "POST " + m + "/ping", "POST " + m + "/dns", "POST " + m + "/ntp",
                "GET " + m + "/events", "GET /api/v1/events", "POST " + m + "/at", "GET /api/v1/jobs/{jobId}",
                "GET " + c + "/history", "GET " + c + "/sack/history", "GET " + m + "/jobs", "GET " + m + "/ping/history"));
        JsonNode open = paths.path(m + "/connections").path("post").path("responses");
        assertThat(open.has("201")).isTrue();
        assertThat(open.has("409")).isTrue();
        assertThat(open.path("422").path("content").has("application/problem+json")).isTrue();
    }

    private HttpResponse<String> basic(String method, String path, String user, String password) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                            .getBytes()))
                    .header("Content-Type", "application/json")
                    .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{\"command\":\"AT\"}")
                            : HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
