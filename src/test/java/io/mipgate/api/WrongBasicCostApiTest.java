package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * HTTP Basic with unknown users must not buy a slow hash per request (issue 16, defect 4, the Basic half). Spring's
 * own provider checks every unknown user against a bcrypt dummy (cost 10) so that the time does not reveal which
 * users exist; a stream of them kept a core busy. Now every credential that needs a slow hash shares one budget
 * (10 at once, then 2 a second): the rest are answered 429 credential-checks-busy without hashing, known and unknown
 * users alike. Asserted by counting answers against what the budget can have paid for in the elapsed time, not by
 * a latency window; the latencies are printed for the reader.
 */
class WrongBasicCostApiTest extends HardeningApiTestBase {

    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();
    private static final int REQUESTS = 80;
    private static final int BURST = 10;
    private static final double PER_SECOND = 2;

    @Test
    void unknownUsersCostNoMoreSlowHashesThanTheBudget() {
        int refused = 0;
        int deferred = 0;
        long[] nanos = new long[REQUESTS];
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            long sent = System.nanoTime();
            Reply reply = basic("/api/v1/modules", "intruder-" + i, "guess-" + i);
            nanos[i] = System.nanoTime() - sent;
            if (reply.status() == 401) {
                reply.problem(401, "unauthorized");
                refused++;
            } else {
                reply.problem(429, "credential-checks-busy");
                assertThat(reply.header("Retry-After")).isNotBlank();
                deferred++;
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        java.util.Arrays.sort(nanos);
        System.out.printf("HTTP Basic, %d unknown users in %.2f s: %d checked (401), %d deferred (429) without a"
                + " slow hash; p50 %.2f ms%n", REQUESTS, elapsed, refused, deferred, nanos[REQUESTS / 2] / 1e6);
        assertThat(refused).as("slow hashes paid for unknown users").isLessThanOrEqualTo(
                BURST + (int) Math.ceil(elapsed * PER_SECOND) + 1);

        // the budget refills: a right user is served again (and stays cheap from then on)
        await().atMost(Duration.ofSeconds(20)).until(() -> basic("/api/v1/modules", "alice", "alice-secret")
                .status() == 200);
    }

    private Reply basic(String path, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + credentials).GET().build();
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
