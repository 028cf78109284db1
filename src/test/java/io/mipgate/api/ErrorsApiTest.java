package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class ErrorsApiTest extends ApiTestBase {

    private static final String PING = "/ping";
    private static final String PING_ONCE = "{\"host\":\"127.0.0.1\",\"count\":1}";
    private static final String DNS = "/dns";
    private static final String LOOKUP = "{\"domain\":\"echo.mipgate.test\"}";

    /**
     * One module error code per row of the error table: status, problem type, CME fields and Retry-After. The first
     * lookup is retried on 580/581 as often as the profile says (five times, FIELD-NOTES §10), so DNS rows fail six attempts.
     */
    @ParameterizedTest(name = "{0} on {2} -> {4} {5}")
    @CsvSource({
            "553, 1, " + PING + ", '" + PING_ONCE + "', 409, state-conflict, TCPIP_NOT_CONNECTED, false",
            "50, 1, " + PING + ", '" + PING_ONCE + "', 422, module-refused, INCORRECT_PARAMETERS, false",
            "582, 1, " + PING + ", '" + PING_ONCE + "', 503, module-busy, PING_BUSY, true",
            "581, 6, " + DNS + ", '" + LOOKUP + "', 503, module-busy, DNS_BUSY, true",
            "571, 1, " + PING + ", '" + PING_ONCE + "', 503, network-unavailable, PDP_ACTIVATION_FAILED, true",
            "557, 1, " + PING + ", '" + PING_ONCE + "', 502, network-failure, SOCKET_CONNECTION_REFUSED, false",
            "580, 6, " + DNS + ", '" + LOOKUP + "', 502, dns-failed, DNS_FAILED_OR_BAD_IP_FORMAT, false",
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

    @Test
    void unknownThingsAre404() {
        assertThat(get("/api/v1/modules/nope", VIEWER).problem(404, "unknown-module").path("moduleId").asString())
                .isEqualTo("nope");
        post("/api/v1/modules/nope/ping", OPERATOR, "{\"host\":\"127.0.0.1\"}").problem(404, "unknown-module");
        get(ML307R + "/connections/9", VIEWER).problem(404, "unknown-connection");
        get("/api/v1/modules/emu-small/connections/4", VIEWER).problem(404, "unknown-connection");
        get("/api/v1/jobs/nope", VIEWER).problem(404, "unknown-job");
        get("/api/v1/nothing-here", VIEWER).problem(404, "not-found");
    }

    @Test
    void malformedInputIs400WithFields() {
        post(ML307R + "/connections", OPERATOR, "{\"protocol\":").problem(400, "invalid-request");
        JsonNode unknown = post(ML307R + "/connections", OPERATOR, "{\"protocol\":\"TCP\",\"host\":\"h\",\"port\":1,"
                + "\"bogus\":1}").problem(400, "invalid-request");
        assertThat(unknown.path("errors").get(0).path("field").asString()).isEqualTo("bogus");
        post(ML307R + "/connections", OPERATOR, "{\"protocol\":\"SCTP\",\"host\":\"h\",\"port\":1}")
                .problem(400, "invalid-request");
        post(ML307R + "/connections", OPERATOR, "{\"protocol\":\"TCP\",\"host\":\"h\",\"port\":1,\"accessMode\":2}")
                .problem(400, "invalid-request");
        JsonNode port = post(ML307R + "/connections", OPERATOR, "{\"protocol\":\"TCP\",\"host\":\"h\",\"port\":70000}")
                .problem(400, "invalid-request");
        assertThat(port.path("errors").get(0).path("field").asString()).isEqualTo("port");
        JsonNode id = post(ML307R + "/connections", OPERATOR, "{\"protocol\":\"TCP\",\"host\":\"h\",\"port\":1,"
                + "\"connectId\":6}").problem(400, "invalid-request");
        assertThat(id.path("errors").get(0).path("field").asString()).isEqualTo("connectId");
        post(MN316 + "/connections", OPERATOR, "{\"protocol\":\"UDP\",\"host\":\"h\",\"port\":1,"
                + "\"accessMode\":\"streamBuffer\"}").problem(400, "invalid-request");
        get(ML307R + "/connections/0/data?max=0", OPERATOR).problem(400, "invalid-request");
        get(ML307R + "/connections/0/data?max=abc", OPERATOR).problem(400, "invalid-request");
        delete(ML307R + "/connections/0?mode=sideways", OPERATOR).problem(400, "invalid-request");
        post(ML307R + "/connections/0/send", OPERATOR, "{\"data\":\"zz\",\"encoding\":\"hex\"}")
                .problem(400, "invalid-request");
        post(ML307R + "/ping", OPERATOR, "{\"host\":\"127.0.0.1\",\"size\":5000}").problem(400, "invalid-request");
        post(ML307R + "/at", ADMIN, "{\"command\":\"ATE0;+CFUN=0\"}").problem(400, "invalid-request");
    }

    @Test
    void wrongMethodMediaTypeAndSize() {
        send("DELETE", "/api/v1/modules", OPERATOR, null, null, null).problem(405, "method-not-allowed");
        send("POST", ML307R + "/connections/0/send", OPERATOR, "text/plain", "x".getBytes(), null)
                .problem(415, "unsupported-media-type");
        send("POST", ML307R + "/connections/0/send", OPERATOR, "application/octet-stream", new byte[70_000], null)
                .problem(413, "payload-too-large");
    }

    @Test
    void stateConflictsAre409() {
        post(ML307R + "/connections/3/send", OPERATOR, "{\"data\":\"x\"}").problem(409, "state-conflict");
        delete(ML307R + "/connections/3", OPERATOR).problem(409, "state-conflict");
        int id = openEcho(ML307R, 4);
        try {
            post(ML307R + "/connections", OPERATOR, "{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":"
                    + ApiTestEnvironment.TCP_ECHO.port() + ",\"connectId\":4}").problem(409, "state-conflict");
        } finally {
            closeQuietly(ML307R, id);
        }
        ApiTestEnvironment.EMULATORS.module("emu-ml307r").faults().failNextCommands(552, 1);
        JsonNode cme = post(ML307R + "/dns", OPERATOR, "{\"domain\":\"echo.mipgate.test\"}")
                .problem(409, "state-conflict");
        assertThat(cme.path("cmeCode").asInt()).isEqualTo(552);
        assertThat(cme.path("cmeName").asString()).isEqualTo("TCPIP_ALREADY_IN_USE");
    }

    @Test
    void transparentModeBlocksOtherCommands() {
        Reply opened = post(ML307R + "/connections", OPERATOR, "{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":"
                + ApiTestEnvironment.TCP_ECHO.port() + ",\"connectId\":5,\"accessMode\":\"transparent\"}");
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        try {
            assertThat(get(ML307R, VIEWER).json().path("transparentMode").asBoolean()).isTrue();
            post(ML307R + "/at", ADMIN, "{\"command\":\"AT\"}").problem(409, "state-conflict");
        } finally {
            Reply closed = delete(ML307R + "/connections/5", OPERATOR);
            assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        }
    }

    @Test
    void moduleRefusalsAre422WithTheCmeCode() {
        ApiTestEnvironment.EMULATORS.module("emu-ml307r").faults().failNextCommands(50, 1);
        JsonNode problem = post(ML307R + "/ping", OPERATOR, "{\"host\":\"127.0.0.1\",\"count\":1}")
                .problem(422, "module-refused");
        assertThat(problem.path("cmeCode").asInt()).isEqualTo(50);
        assertThat(problem.path("cmeName").asString()).isEqualTo("INCORRECT_PARAMETERS");
        assertThat(problem.path("moduleId").asString()).isEqualTo("emu-ml307r");
        delete(ML307R + "/connections/0?mode=reset", OPERATOR).problem(422, "unsupported-on-model");
        post(MN316 + "/connections", OPERATOR, "{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":1,"
                + "\"accessMode\":\"transparent\"}").problem(422, "unsupported-on-model");
    }

    @Test
    void moduleTimeoutIs504() {
        ApiTestEnvironment.EMULATORS.module("emu-ml307r").faults().swallowNextResponse();
        post(ML307R + "/at", ADMIN, "{\"command\":\"AT\",\"timeoutMs\":300}").problem(504, "module-timeout");
        // the worker resynchronises; the next command works again
        org.awaitility.Awaitility.await("module recovered after a timeout").atMost(WAIT)
                .until(() -> post(ML307R + "/at", ADMIN, "{\"command\":\"AT\"}").status() == 200);
    }

    @Test
    void moduleDownIs503WithRetryAfter() {
        Reply reply = post("/api/v1/modules/down/ping", OPERATOR, "{\"host\":\"127.0.0.1\"}");
        JsonNode problem = reply.problem(503, "module-unavailable");
        assertThat(reply.header("Retry-After")).isNotBlank();
        assertThat(problem.path("moduleStatus").asString()).isIn("DOWN", "RECOVERING", "STARTING", "FAILED");
    }

    @Test
    void fullQueueIs429WithRetryAfter() throws Exception {
        // emu-small queues one job: with its answer held, one command is in flight, one waits, the rest are refused
        HttpClient client = HttpClient.newHttpClient();
        ApiTestEnvironment.EMULATORS.holdReplies("emu-small");
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        try {
            long written = ApiTestEnvironment.EMULATORS.written("emu-small");
            replies.add(rawAt(client, "emu-small"));
            org.awaitility.Awaitility.await("first command on the line").atMost(WAIT)
                    .until(() -> ApiTestEnvironment.EMULATORS.written("emu-small") > written);
            replies.add(rawAt(client, "emu-small"));
            org.awaitility.Awaitility.await("second command queued").atMost(WAIT)
                    .until(() -> get("/api/v1/modules/emu-small", VIEWER).json().path("queueDepth").asInt() == 1);
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> full = rawAt(client, "emu-small").get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(full.statusCode()).as(full.body()).isEqualTo(429);
                assertThat(full.body()).contains(PROBLEM + "queue-full");
                assertThat(full.headers().firstValue("Retry-After")).isPresent();
            }
            // an asynchronous operation the full queue refused is answered at once, not turned into a failed job
            // that a pipelining client would take for queued and skip past
            Reply async = post("/api/v1/modules/emu-small/ping?async=true", OPERATOR,
                    "{\"host\":\"127.0.0.1\",\"count\":1}");
            assertThat(async.status()).as(async.text()).isEqualTo(429);
            assertThat(replies).noneMatch(CompletableFuture::isDone);
        } finally {
            ApiTestEnvironment.EMULATORS.releaseReplies("emu-small");
        }
        for (var reply : replies) {
            assertThat(reply.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    private CompletableFuture<HttpResponse<String>> rawAt(HttpClient client, String module) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/modules/"
                        + module + "/at")).header("X-API-Key", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"AT\",\"timeoutMs\":60000}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
