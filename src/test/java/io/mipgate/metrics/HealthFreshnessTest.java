package io.mipgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.module.ModuleDirectory;
import io.mipgate.module.ModuleStatus;
import io.mipgate.testsupport.ScriptedModuleDirectory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health answers with the modules as they are now, not as the last scrape cached them: a load balancer's probe right
 * after a module came UP must find the gateway ready (the suite's exposure test saw 503 in CI one scrape after the
 * modules' reset).
 */
class HealthFreshnessTest {

    private final ScriptedModuleDirectory directory = new ScriptedModuleDirectory();
    private final ModuleSnapshots snapshots = snapshotsCachedFor(Duration.ofHours(1));

    @Test
    void readinessAndModuleHealthFollowAModuleThatCameUpSinceTheLastScrape() {
        directory.put(ScriptedModuleDirectory.module("m1", ModuleStatus.STARTING, List.of()));
        assertThat(snapshots.all().get("m1").status()).isEqualTo(ModuleStatus.STARTING); // what a scrape cached

        directory.put(ScriptedModuleDirectory.module("m1", ModuleStatus.UP, List.of()));

        var readiness = new ModulesReadinessIndicator(snapshots, new HealthProperties(true));
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
        var perModule = new ModuleHealthContributor(snapshots);
        assertThat(((HealthIndicator) perModule.getContributor("m1")).health().getStatus()).isEqualTo(Status.UP);
        assertThat(perModule.stream().map(e -> ((HealthIndicator) e.contributor()).health().getStatus()))
                .containsExactly(Status.UP);
    }

    @Test
    void aModuleThatWentDownSinceTheLastScrapeIsDownAtOnce() {
        directory.put(ScriptedModuleDirectory.module("m1", ModuleStatus.UP, List.of()));
        snapshots.all();
        directory.put(ScriptedModuleDirectory.module("m1", ModuleStatus.RECOVERING, List.of()));

        var readiness = new ModulesReadinessIndicator(snapshots, new HealthProperties(true));
        assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(readiness.health().getDetails()).containsEntry("byStatus", java.util.Map.of("RECOVERING", 1));
    }

    private ModuleSnapshots snapshotsCachedFor(Duration maxAge) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("directory", directory);
        return new ModuleSnapshots(beans.getBeanProvider(ModuleDirectory.class),
                new MetricsProperties(maxAge, Duration.ofSeconds(10), 64));
    }
}
