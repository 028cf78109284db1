package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the OpenAPI document fuzzed from its own schemas, seeded: each answer is a 2xx (the input was
 * valid), a problem+json 4xx, or a problem the module itself caused; never a 500, and no byte reaches a module for a
 * request that was refused. Replay a run with {@code -Dmipgate.fuzz.seed=<seed>}; widen it with
 * {@code -Dmipgate.fuzz.cases=<per operation>}.
 */
class ApiFuzzTest extends HardeningApiTestBase {

    private static final long SEED = Long.getLong("mipgate.fuzz.seed", 0x16_19_2026L);
    private static final int CASES_PER_OPERATION = Integer.getInteger("mipgate.fuzz.cases", 40);
    /** Statuses that refuse the input before anything is queued: the module must see nothing. */
    private static final Set<Integer> REFUSED = Set.of(400, 401, 403, 404, 405, 406, 413, 415, 429);
    /** Problems a module or the network causes for a valid request (a peer port that refuses, say). */
    private static final Set<String> MODULE_PROBLEMS = Set.of("network-failure", "dns-failed", "module-fault",
            "module-busy", "network-unavailable", "module-timeout", "module-unavailable", "cancelled");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyOperationAnswersBadInputWithAProblemAndKeepsItFromTheModules() {
        List<OpenApiOperations.Op> operations = OpenApiOperations.all(this);
        assertThat(operations).hasSizeGreaterThan(20);
        Random random = new Random(SEED);
        FuzzCases cases = new FuzzCases(random);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        long started = System.nanoTime();
        for (OpenApiOperations.Op operation : operations) {
            for (int i = 0; i < CASES_PER_OPERATION; i++) {
                FuzzCases.Case request = cases.next(operation);
                long[] before = written();
                java.time.Instant sent = java.time.Instant.now();
                Answer answer = exchange(request);
                requests++;
                statuses.merge(answer.status(), 1, Integer::sum);
                String problem = judge(request, answer);
                if (problem == null && REFUSED.contains(answer.status()) && !Arrays.equals(before, written())) {
                    problem = "a refused request reached a module: " + Arrays.toString(before) + " -> "
                            + Arrays.toString(written());
                }
                if (problem != null) {
                    failures.add(operation + " / " + request.describe() + " -> " + answer.status() + " "
                            + answer.contentType() + ": " + problem);
                }
                if (!REFUSED.contains(answer.status())) {
                    if (request.path().endsWith("/reboot") && answer.status() < 300) {
                        awaitBackFromReboot(request.path().replace("/reboot", ""), sent);
                    }
                    quietWritten();
                }
            }
        }
        System.out.printf("API fuzz: seed %d, %d operations, %d requests in %d s, statuses %s, %d failures%n", SEED,
                operations.size(), requests, Duration.ofNanos(System.nanoTime() - started).toSeconds(), statuses,
                failures.size());
        assertThat(failures).as("fuzz failures (seed %d)", SEED).isEmpty();
    }

    @Test
    void atInjectionInEveryStringOfEveryOperationIsRefusedAndNeverReachesAModule() {
        FuzzCases cases = new FuzzCases(new Random(SEED));
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (OpenApiOperations.Op operation : OpenApiOperations.all(this)) {
            for (FuzzCases.Case request : cases.injections(operation)) {
                long[] before = written();
                java.time.Instant sent = java.time.Instant.now();
                Answer answer = exchange(request);
                requests++;
                String problem = answer.status() >= 400 && answer.status() < 500 ? judge(request, answer)
                        : "accepted an AT-injection string";
                if (problem == null && !Arrays.equals(before, written())) {
                    problem = "reached a module: " + Arrays.toString(before) + " -> " + Arrays.toString(written());
                }
                if (problem != null) {
                    failures.add(operation + " / " + request.describe() + " -> " + answer.status() + ": " + problem);
                }
            }
        }
        System.out.printf("API fuzz: %d AT-injection requests, %d failures%n", requests, failures.size());
        assertThat(requests).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String judge(FuzzCases.Case request, Answer answer) {
        int status = answer.status();
        if (status < 400) {
            return null;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return "not application/problem+json: " + io.mipgate.domain.Printable.escape(answer.text(), 200);
        }
        if (request.method().equals("HEAD")) {
            return null;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (RuntimeException e) {
            return "unreadable problem: " + io.mipgate.domain.Printable.escape(answer.text(), 200);
        }
        String type = problem.path("type").asString("");
        if (!type.startsWith(PROBLEM) || problem.path("status").asInt() != status) {
            return "problem without a stable type or status: " + io.mipgate.domain.Printable.escape(answer.text(), 200);
        }
        if (status >= 500 && !MODULE_PROBLEMS.contains(type.substring(PROBLEM.length()))) {
            return "server error: " + io.mipgate.domain.Printable.escape(answer.text(), 300);
        }
        return null;
    }

    private record Answer(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * A valid fuzzed reboot really reboots: the module's start-up sequence would count as bytes of the next requests,
     * so the fuzz waits until it is UP again after the reboot.
     */
    private void awaitBackFromReboot(String modulePath, java.time.Instant sent) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            tools.jackson.databind.JsonNode module = get(modulePath, ADMIN).json();
            return "UP".equals(module.path("status").asString()) && "NONE".equals(module.path("recoveryRung").asString())
                    && java.time.Instant.parse(module.path("statusSince").asString()).isAfter(sent);
        });
    }

    private Answer exchange(FuzzCases.Case request) {
        boolean bodiless = Set.of("GET", "HEAD", "TRACE", "OPTIONS").contains(request.method());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), bodiless || request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()))
                .header("X-API-Key", ADMIN);
        if (request.contentType() != null && !bodiless) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.accept() != null) {
            builder.header("Accept", request.accept());
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            try (InputStream body = response.body()) {
                if (contentType != null && contentType.startsWith("text/event-stream")) {
                    return new Answer(response.statusCode(), contentType, new byte[0]);
                }
                return new Answer(response.statusCode(), contentType, body.readAllBytes());
            }
        } catch (IOException e) {
            return new Answer(599, null, ("no answer: " + e).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
