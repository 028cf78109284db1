package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.MipgateApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full application on a random port against virtual modules and loopback peers, called through the JDK's HTTP
 * client. Every API test class extends this one so they share one application context; before each class the
 * virtual modules are rebooted ({@link ModulesReset}), so a class owns every module and connect_id it uses and the
 * order of the classes does not matter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {MipgateApplication.class, ApiTestEnvironment.class})
@ActiveProfiles("apitest")
@TestExecutionListeners(listeners = ModulesReset.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
abstract class ApiTestBase {

    static final String VIEWER = "viewer-key-0123456789";
    static final String OPERATOR = "operator-key-0123456789";
    static final String ADMIN = "admin-key-0123456789";
    static final String METRICS = "metrics-token-0123456789";
    static final String ML307R = "/api/v1/modules/emu-ml307r";
    static final String MN316 = "/api/v1/modules/emu-mn316";
    static final String PROBLEM = "https://mipgate.io/problems/";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long a test waits for something that happens in the background: generous for a busy machine. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        String[][] keys = {{"viewer", VIEWER, "VIEWER"}, {"operator", OPERATOR, "OPERATOR"}, {"admin", ADMIN, "ADMIN"}};
        for (int i = 0; i < keys.length; i++) {
            int n = i;
            registry.add("mipgate.security.api-keys[" + i + "].name", () -> keys[n][0]);
            registry.add("mipgate.security.api-keys[" + i + "].hash", () -> "{sha256}" + sha256(keys[n][1]));
            registry.add("mipgate.security.api-keys[" + i + "].role", () -> keys[n][2]);
        }
        // a bcrypt-hashed key too (cost 4 keeps the test fast)
        registry.add("mipgate.security.api-keys[3].name", () -> "bcrypt-operator");
        registry.add("mipgate.security.api-keys[3].key-id", () -> "bcrypt-key-");
        registry.add("mipgate.security.api-keys[3].hash",
                () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode("bcrypt-key-0123456789"));
        registry.add("mipgate.security.api-keys[3].role", () -> "OPERATOR");
        registry.add("mipgate.security.users[0].username", () -> "alice");
        registry.add("mipgate.security.users[0].password-hash",
                () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode("alice-secret"));
        registry.add("mipgate.security.users[0].role", () -> "ADMIN");
        registry.add("mipgate.security.metrics-token", () -> "{sha256}" + sha256(METRICS));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP exchange. */
    record Reply(int status, HttpResponse<byte[]> raw) {
        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        /** Asserts an RFC 9457 problem of the given status and kind. */
        JsonNode problem(int expectedStatus, String kind) {
            assertThat(status).as("status of %s", text()).isEqualTo(expectedStatus);
            assertThat(contentType()).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("type").asString()).isEqualTo(PROBLEM + kind);
            assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.path("title").asString()).isNotBlank();
            return problem;
        }
    }

    Reply send(String method, String path, String key, String contentType, byte[] body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(90))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String key) {
        return send("GET", path, key, null, null, null);
    }

    Reply post(String path, String key, String json) {
        return send("POST", path, key, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8), null);
    }

    Reply put(String path, String key, String json) {
        return send("PUT", path, key, "application/json", json.getBytes(StandardCharsets.UTF_8), null);
    }

    Reply delete(String path, String key) {
        return send("DELETE", path, key, null, null, null);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Opens a TCP connection to the loopback echo server and returns its connect_id. */
    int openEcho(String module, int connectId) {
        Reply reply = post(module + "/connections", OPERATOR, "{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":"
                + ApiTestEnvironment.TCP_ECHO.port() + ",\"connectId\":" + connectId + "}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json().path("connectId").asInt();
    }

    void closeQuietly(String module, int connectId) {
        delete(module + "/connections/" + connectId, OPERATOR);
    }

    /** Reads until at least {@code expected} bytes arrived (failing after {@link #WAIT}). */
    byte[] readAll(String module, int connectId, int expected) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.awaitility.Awaitility.await("%d bytes on %s/%d".formatted(expected, module, connectId)).atMost(WAIT)
                .until(() -> {
                    Reply reply = send("GET", module + "/connections/" + connectId + "/data?max=100000", OPERATOR,
                            null, null, "application/octet-stream");
                    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
                    out.writeBytes(reply.raw().body());
                    return out.size() >= expected;
                });
        return out.toByteArray();
    }

    /** Polls an asynchronous job until it is no longer PENDING. */
    JsonNode awaitJob(String location) {
        JsonNode[] job = new JsonNode[1];
        org.awaitility.Awaitility.await("job " + location).atMost(WAIT).until(() -> {
            job[0] = get(location, VIEWER).json();
            return !job[0].path("status").asString().equals("PENDING");
        });
        return job[0];
    }

    /** The bytes written to a module once its line has been idle for a moment. */
    static long quietWrittenCount(String module) {
        long count = ApiTestEnvironment.EMULATORS.written(module);
        for (int i = 0; i < 50; i++) {
            sleep(20);
            long now = ApiTestEnvironment.EMULATORS.written(module);
            if (now == count) {
                return now;
            }
            count = now;
        }
        return count;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
