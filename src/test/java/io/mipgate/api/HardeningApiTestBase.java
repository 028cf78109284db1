package io.mipgate.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bad-input and security suites' own application: two virtual modules that no other test class uses (so fuzzed
 * requests that are valid may open connections or change settings without touching another class's modules), small
 * event-stream caps and a short heartbeat so that a closed stream is noticed at once.
 */
abstract class HardeningApiTestBase extends ApiTestBase {

    static final String FUZZ_ML307R = "fuzz-ml307r";
    static final String FUZZ_MN316 = "fuzz-mn316";
    static final List<String> MODULES = List.of(FUZZ_ML307R, FUZZ_MN316);
    static final int STREAMS_PER_KEY = 2;
    static final int STREAMS = 3;
    /** A bcrypt key at the production cost (10), which every unknown key used to be checked against. */
    static final String PRODUCTION_COST_KEY = "mgk_prod_5f1c0e8a9b7d4c3e2f1a0b9c8d7e6f5a";

    private static final HttpClient STREAMING = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void ownModules(DynamicPropertyRegistry registry) {
        String[][] modules = {{FUZZ_ML307R, "ML307R"}, {FUZZ_MN316, "MN316"}};
        for (int i = 0; i < modules.length; i++) {
            String id = modules[i][0];
            String model = modules[i][1];
            registry.add("mipgate.modules[" + i + "].id", () -> id);
            registry.add("mipgate.modules[" + i + "].port", () -> "emulator:" + model);
            registry.add("mipgate.modules[" + i + "].sack-interval", () -> "0s");
            registry.add("mipgate.modules[" + i + "].reconcile-interval", () -> "0s");
        }
        registry.add("mipgate.security.api-keys[4].name", () -> "production-cost");
        registry.add("mipgate.security.api-keys[4].key-id", () -> "mgk_prod_");
        registry.add("mipgate.security.api-keys[4].hash",
                () -> "{bcrypt}" + new BCryptPasswordEncoder(10).encode(PRODUCTION_COST_KEY));
        registry.add("mipgate.security.api-keys[4].role", () -> "VIEWER");
        registry.add("mipgate.api.events.max-streams-per-key", () -> STREAMS_PER_KEY);
        registry.add("mipgate.api.events.max-streams", () -> STREAMS);
        registry.add("mipgate.api.events.heartbeat", () -> "PT0.2S");
        // no periodic AT of its own while bytes on the line are counted; a database of its own, so that this
        // gateway's start-up (which closes the rows its box left open) cannot touch the other suites' history
        registry.add("mipgate.cellular.status-interval", () -> "0s");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:hardening;DB_CLOSE_DELAY=-1");
    }

    /** Bytes the gateway has written to each of this suite's modules, in {@link #MODULES} order. */
    static long[] written() {
        long[] counts = new long[MODULES.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = ApiTestEnvironment.EMULATORS.written(MODULES.get(i));
        }
        return counts;
    }

    /** Waits until no module has been written to for one poll interval (all modules watched at once). */
    static long[] quietWritten() {
        long[] counts = written();
        for (int i = 0; i < 50; i++) {
            sleep(20);
            long[] now = written();
            if (java.util.Arrays.equals(now, counts)) {
                return now;
            }
            counts = now;
        }
        return counts;
    }

    /** Opens an event stream and returns the response with its body still open (the caller closes it). */
    HttpResponse<InputStream> openStream(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (key != null) {
            request.header("X-API-Key", key);
        }
        try {
            return STREAMING.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void closeQuietly(HttpResponse<InputStream> stream) {
        try {
            stream.body().close();
        } catch (IOException ignored) {
            // the server may have closed it first
        }
    }
}
