package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A fault the gateway recovered from still shows in the module the API serves: garbage on the serial line is
 * discarded and the module stays UP, and {@code faults.discardedBytes} counts it, next to the other fault counts.
 */
class ModuleFaultsApiTest extends ApiTestBase {

    @Test
    void garbageOnTheLineIsCountedInTheModuleItself() {
        JsonNode before = get(ML307R, VIEWER).json().path("faults");
        for (String count : new String[] {"discardedBytes", "commandTimeouts", "moduleResets", "linkReconnects",
                "rejectedJobs"}) {
            assertThat(before.path(count).isIntegralNumber()).as(count).isTrue();
        }
        long discarded = before.path("discardedBytes").asLong();

        ApiTestEnvironment.EMULATORS.module("emu-ml307r").faults()
                .injectBytes(new byte[] {(byte) 0xE0, 0, (byte) 0xFF, '\r', '\n'});

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode module = get(ML307R, VIEWER).json();
            assertThat(module.path("faults").path("discardedBytes").asLong()).isGreaterThan(discarded);
            assertThat(module.path("status").asString()).isEqualTo("UP");
        });
    }
}
