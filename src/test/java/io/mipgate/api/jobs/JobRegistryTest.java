package io.mipgate.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.api.problem.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A pipelining client's finished jobs make room for new ones; only a registry full of running jobs refuses. */
class JobRegistryTest {

    private final JobRegistry registry = new JobRegistry(Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"),
            ZoneOffset.UTC), 3, Duration.ofMinutes(15));

    @Test
    void theOldestFinishedJobMakesRoomWhenTheRegistryIsFull() {
        String oldest = registry.start("send", "m", "/p", CompletableFuture.completedFuture("a"), v -> v).id();
        String kept = registry.start("send", "m", "/p", CompletableFuture.completedFuture("b"), v -> v).id();
        String running = registry.start("send", "m", "/p", new CompletableFuture<String>(), v -> v).id();

        String newest = registry.start("send", "m", "/p", CompletableFuture.completedFuture("c"), v -> v).id();

        assertThatThrownBy(() -> registry.get(oldest)).isInstanceOf(ApiException.class);
        assertThat(registry.get(kept).status()).isEqualTo("SUCCEEDED");
        assertThat(registry.get(running).status()).isEqualTo("PENDING");
        assertThat(registry.get(newest).status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRegistryFullOfRunningJobsRefusesAndCancelsTheNewOne() {
        for (int i = 0; i < 3; i++) {
            registry.start("send", "m", "/p", new CompletableFuture<String>(), v -> v);
        }
        CompletableFuture<String> refused = new CompletableFuture<>();

        assertThatThrownBy(() -> registry.start("send", "m", "/p", refused, v -> v)).isInstanceOf(ApiException.class);
        assertThat(refused).isCancelled();
    }
}
