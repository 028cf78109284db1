package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the gateway shows to whom (issue 16, defect 8): health details only with credentials, event streams capped per credential and in all; and who may read the actuator and the docs.
 */
class ExposureApiTest extends HardeningApiTestBase {

    @Test
    void healthShowsItsDetailsOnlyToCredentials() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
            Reply anonymous = get(path, null);
            assertThat(anonymous.status()).as(get(path, VIEWER).text()).isEqualTo(200);
            assertThat(anonymous.json().has("components")).as(anonymous.text()).isFalse();
            assertThat(anonymous.json().path("status").asString()).isEqualTo("UP");
            Reply viewer = get(path, VIEWER);
            assertThat(viewer.json().has("components")).as(viewer.text()).isTrue();
        }
    }

    @Test
    void actuatorAndDocsAnswerByRole() {
        assertThat(get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", OPERATOR).status()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", ADMIN).status()).isEqualTo(200);
        assertThat(get("/actuator/metrics", VIEWER).status()).isEqualTo(403);
        assertThat(get("/actuator/metrics", ADMIN).status()).isEqualTo(200);
        assertThat(get("/actuator/info", null).status()).isEqualTo(401);
        assertThat(get("/v3/api-docs", null).status()).isEqualTo(401);
        assertThat(get("/v3/api-docs", "wrong-key").status()).isEqualTo(401);
        assertThat(get("/v3/api-docs", VIEWER).status()).isEqualTo(200);
        assertThat(get("/swagger-ui.html", null).status()).isEqualTo(401);
    }

    @Test
    void eventStreamsAreCappedPerCredentialAndInAll() {
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS_PER_KEY; i++) {
                open.add(expectStream("/api/v1/events", VIEWER));
            }
            refusedStream("/api/v1/modules/" + FUZZ_ML307R + "/events", VIEWER, "max-streams-per-key");
            for (int i = STREAMS_PER_KEY; i < STREAMS; i++) {
                open.add(expectStream("/api/v1/events", OPERATOR));
            }
            refusedStream("/api/v1/events", ADMIN, "at most " + STREAMS);
            closeQuietly(open.removeFirst());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<InputStream> again = openStream("/api/v1/events", VIEWER);
                try {
                    assertThat(again.statusCode()).isEqualTo(200);
                } finally {
                    closeQuietly(again);
                }
            });
        } finally {
            open.forEach(HardeningApiTestBase::closeQuietly);
        }
    }

    private HttpResponse<InputStream> expectStream(String path, String key) {
        HttpResponse<InputStream> stream = openStream(path, key);
        assertThat(stream.statusCode()).isEqualTo(200);
        return stream;
    }

    private void refusedStream(String path, String key, String detail) {
        HttpResponse<InputStream> refused = openStream(path, key);
        try (InputStream body = refused.body()) {
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(body.readAllBytes());
            assertThat(problem.path("type").asString()).isEqualTo(PROBLEM + "too-many-streams");
            assertThat(problem.path("detail").asString()).contains(detail);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
