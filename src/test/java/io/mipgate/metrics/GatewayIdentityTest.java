package io.mipgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.module.DeviceManager;
import io.mipgate.store.BoxId;
import io.mipgate.store.history.ModuleRecord;
import io.mipgate.store.history.ModuleRecordRepository;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With no gateway id configured, the one the gateway derives (the host name) is the same in the {@code box} tag of
 * every metric, the history rows, the events and {@code /actuator/info}, which also shows version, commit, models
 * and modules. (The metrics tag used to read {@code local} while history said the host name.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:gateway-identity;DB_CLOSE_DELAY=-1",
        "mipgate.store.batch-linger=10ms"})
class GatewayIdentityTest {

    static final String ADMIN = "identity-admin-0123456789";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired BoxId box;
    @Autowired DeviceManager devices;
    @Autowired ModuleRecordRepository moduleRecords;

    @DynamicPropertySource
    static void adminKey(DynamicPropertyRegistry registry) throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(ADMIN.getBytes(StandardCharsets.UTF_8)));
        registry.add("mipgate.security.api-keys[0].name", () -> "identity-admin");
        registry.add("mipgate.security.api-keys[0].hash", () -> "{sha256}" + hash);
        registry.add("mipgate.security.api-keys[0].role", () -> "ADMIN");
        // the test profile has no modules; this one carries the id into history and the metrics
        registry.add("mipgate.modules[0].id", () -> "emu-ml307r");
        registry.add("mipgate.modules[0].port", () -> "emulator:ML307R");
        registry.add("mipgate.modules[1].id", () -> "emu-mn316");
        registry.add("mipgate.modules[1].port", () -> "emulator:MN316");
    }

    @Test
    void theDerivedIdIsTheSameInMetricsHistoryEventsAndInfo() throws Exception {
        String id = BoxId.resolve(null).value();
        assertThat(box.value()).isEqualTo(id);

        String scrape = get("/actuator/prometheus").body();
        assertThat(scrape.lines().filter(line -> line.startsWith("mipgate_module_up{")))
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains("box=\"" + id + "\""));

        await().atMost(Duration.ofSeconds(10)).until(() -> moduleRecords.findByBoxIdAndModuleId(id, "emu-ml307r")
                .map(ModuleRecord::getBoxId), found -> found.isPresent());

        assertThat(firstEvent().path("box").asString()).isEqualTo(id);

        JsonNode info = JSON.readTree(get("/actuator/info").body());
        assertThat(info.path("gateway").path("id").asString()).isEqualTo(id);
        assertThat(info.path("gateway").path("models").toString()).contains("ML307R", "MN316");
        assertThat(info.path("gateway").path("modules").findValuesAsString("id"))
                .containsExactlyInAnyOrder("emu-ml307r", "emu-mn316");
        assertThat(info.path("build").path("version").asString()).isNotBlank();
        assertThat(info.path("git").path("commit").path("id").asString()).as("git section: %s", info)
                .matches("[0-9a-f]{7,40}");
    }

    /** The first event on the stream after a command runs on a module. */
    private JsonNode firstEvent() throws Exception {
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(request("/api/v1/events")
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> lines.lines()
                    .filter(line -> line.startsWith("data:")).findFirst().orElseThrow());
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                devices.client("emu-ml307r").raw("AT", Duration.ofSeconds(2)).join();
                return data.isDone();
            });
            return JSON.readTree(data.join().substring("data:".length()));
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request(path).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return response;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-API-Key", ADMIN);
    }
}
