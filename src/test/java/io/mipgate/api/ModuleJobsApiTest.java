package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A module's jobs through the API: listed with command and outcome, a queued one withdrawn, a running one not. */
class ModuleJobsApiTest extends ApiTestBase {

    static final String SMALL = "/api/v1/modules/emu-small";

    @Test
    void listAndCancelAQueuedJob() {
        ApiTestEnvironment.EMULATORS.module("emu-small").faults().delayNextResponse(Duration.ofSeconds(3));
        CompletableFuture<HttpResponse<String>> slow = rawAt();
        JsonNode running = await().atMost(Duration.ofSeconds(5)).until(() -> job("RUNNING"), j -> j != null);
        CompletableFuture<HttpResponse<String>> waiting = rawAt();
        JsonNode queued = await().atMost(Duration.ofSeconds(5)).until(() -> job("QUEUED"), j -> j != null);
        assertThat(queued.path("command").asString()).isEqualTo("RAW");
        assertThat(queued.path("queuedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        delete(SMALL + "/queue/" + queued.path("id").asLong(), VIEWER).problem(403, "forbidden");
        Reply cancelled = delete(SMALL + "/queue/" + queued.path("id").asLong(), OPERATOR);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("state").asString()).isEqualTo("CANCELLED");
        assertThat(waiting.join().statusCode()).as(waiting.join().body()).isEqualTo(503);
        assertThat(waiting.join().body()).contains(PROBLEM + "cancelled");

        delete(SMALL + "/queue/" + running.path("id").asLong(), OPERATOR).problem(409, "state-conflict");
        assertThat(slow.join().statusCode()).isEqualTo(200);
        JsonNode finished = await().atMost(Duration.ofSeconds(5)).until(() -> byId(running.path("id").asLong()),
                j -> j.path("state").asString().equals("SUCCEEDED"));
        assertThat(finished.path("finishedAt").asString()).isNotBlank();

        delete(SMALL + "/queue/987654321", OPERATOR).problem(404, "unknown-job");
        delete("/api/v1/modules/nope/queue/1", OPERATOR).problem(404, "unknown-module");
    }

    private JsonNode job(String state) {
        for (JsonNode job : get(SMALL + "/queue", VIEWER).json()) {
            if (job.path("state").asString().equals(state) && job.path("command").asString().equals("RAW")) {
                return job;
            }
        }
        return null;
    }

    private JsonNode byId(long id) {
        for (JsonNode job : get(SMALL + "/queue", VIEWER).json()) {
            if (job.path("id").asLong() == id) {
                return job;
            }
        }
        throw new AssertionError("job " + id + " not listed");
    }

    private CompletableFuture<HttpResponse<String>> rawAt() {
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + SMALL + "/at")).header("X-API-Key", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"AT\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
