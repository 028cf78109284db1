package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.emulator.model.EmulatedFamily;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import tools.jackson.databind.JsonNode;

/**
 * One gateway with one virtual module of every family the emulator offers, each driven end to end through REST: a TCP
 * and a UDP connection to the loopback echo peers, every byte value sent and received byte-exact exactly once, closed,
 * and a name resolved through the module against the loopback DNS responder. Only the REST contract is asserted, so
 * the test holds whichever output dialect (V5 or older firmware) a family's emulation speaks.
 *
 * <p>The context is this class's own and fresh, so the shared contexts' reboot of every module before the class
 * ({@link ModulesReset}) is left out; the families run side by side, each on its own module.
 */
@TestExecutionListeners(inheritListeners = false, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class EveryFamilyThroughApiTest extends ApiTestBase {

    /**
     * Every byte value in every 256-byte block (CR, LF, quotes, commas, NUL inside the payload): 4 KiB over TCP, several
     * inline sends on an NB family, so the driver's chunking is part of the trip; one 512-byte datagram over UDP.
     */
    private static final byte[] TCP_PAYLOAD = everyByteValue(4096);
    private static final byte[] UDP_PAYLOAD = everyByteValue(512);

    private static byte[] everyByteValue(int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (i * 31 + i / 256);
        }
        return payload;
    }

    /** This context's modules replace the shared API context's list, so the application starts once for this class. */
    @DynamicPropertySource
    static void oneModulePerFamily(DynamicPropertyRegistry registry) {
        // a database of its own: the shared API context's history queries must not see these modules' rows
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:every-family;DB_CLOSE_DELAY=-1");
        EmulatedFamily[] families = EmulatedFamily.values();
        for (int i = 0; i < families.length; i++) {
            EmulatedFamily family = families[i];
            String prefix = "mipgate.modules[" + i + "].";
            registry.add(prefix + "id", () -> moduleId(family));
            registry.add(prefix + "port", () -> "emulator:" + family.displayName());
            registry.add(prefix + "sack-interval", () -> "0s");
            registry.add(prefix + "reconcile-interval", () -> "0s");
        }
    }

    private static String moduleId(EmulatedFamily family) {
        return "family-" + family.displayName().toLowerCase(Locale.ROOT);
    }

    private static String module(EmulatedFamily family) {
        return "/api/v1/modules/" + moduleId(family);
    }

    @Test
    void everyFamilyCarriesEveryByteExactlyOnceOverTcpAndUdpAndResolvesNames() {
        try (ExecutorService families = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<EmulatedFamily, CompletableFuture<Void>> runs = Arrays.stream(EmulatedFamily.values())
                    .collect(Collectors.toMap(f -> f, f -> CompletableFuture.runAsync(() -> endToEnd(f), families)));
            Assertions.assertAll(runs.entrySet().stream().map(run -> (Executable) () -> {
                try {
                    run.getValue().join();
                } catch (java.util.concurrent.CompletionException e) {
                    throw new AssertionError(run.getKey() + " through REST: " + e.getCause().getMessage(), e.getCause());
                }
            }));
        }
    }

    private void endToEnd(EmulatedFamily family) {
        String module = module(family);
        assertThat(get(module, VIEWER).json().path("model").asString()).isEqualTo(family.displayName());

        roundTrip(module, "TCP", ApiTestEnvironment.TCP_ECHO.port(), 0, TCP_PAYLOAD);
        roundTrip(module, "UDP", ApiTestEnvironment.UDP_ECHO.port(), 1, UDP_PAYLOAD);

        Reply resolved = post(module + "/dns", OPERATOR, "{\"domain\":\"echo.mipgate.test\"}");
        assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
        assertThat(resolved.json().path("addresses").valueStream().map(JsonNode::asString)).contains("127.0.0.1");
        post(module + "/dns", OPERATOR, "{\"domain\":\"nowhere.mipgate.test\"}").problem(502, "dns-failed");
    }

    private void roundTrip(String module, String protocol, int port, int connectId, byte[] payload) {
        Reply opened = post(module + "/connections", OPERATOR, "{\"protocol\":\"" + protocol
                + "\",\"host\":\"127.0.0.1\",\"port\":" + port + ",\"connectId\":" + connectId + "}");
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        assertThat(opened.json().path("state").asString()).isEqualTo("CONNECTED");
        String connection = module + "/connections/" + connectId;

        Reply sent = send("POST", connection + "/send", OPERATOR, "application/octet-stream", payload, null);
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(sent.json().path("accepted").asInt()).isEqualTo(payload.length);

        assertThat(readAll(module, connectId, payload.length)).as("%s echo of %s", protocol, module)
                .isEqualTo(payload);
        // exactly once: nothing more arrives, neither a repeat nor a late copy of a line the driver read twice
        await().during(Duration.ofMillis(200)).atMost(WAIT).until(() ->
                "0".equals(send("HEAD", connection + "/data", OPERATOR, null, null, null).header("X-Remaining-Bytes")));
        Reply rest = send("GET", connection + "/data", OPERATOR, null, null, "application/octet-stream");
        assertThat(rest.raw().body()).isEmpty();

        Reply closed = delete(connection, OPERATOR);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().path("connection").path("state").asString()).isEqualTo("CLOSED");
    }
}
