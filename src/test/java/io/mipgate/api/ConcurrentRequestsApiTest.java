package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of requests waiting on one module at once: virtual threads carry them, the module's bounded queue refuses
 * what it cannot hold with 429, and nothing becomes a 500.
 */
class ConcurrentRequestsApiTest extends ApiTestBase {

    @Test
    void threeHundredConcurrentCommandsAreServedOrRefusedCleanly() throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            calls.add(() -> post(ML307R + "/at", ADMIN, "{\"command\":\"AT+CGMR\"}").status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> status : clients.invokeAll(calls)) {
                statuses.add(status.get());
            }
        }
        assertThat(statuses).hasSize(300).isSubsetOf(200, 429);
        assertThat(statuses).contains(200);
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(get(ML307R, VIEWER).json().path("status").asString()).isEqualTo("UP");
    }
}
