package io.mipgate.metrics;

import io.mipgate.module.ModuleSnapshot;
import io.mipgate.module.ModuleStatus;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/module/{id}}: one contributor per module, UP when the module is UP and DOWN otherwise,
 * with its status, how long it has been in it, the last error and the job queue. The set follows the directory, so
 * modules added at runtime appear without re-registration.
 */
@Component("moduleHealthContributor")
public class ModuleHealthContributor implements CompositeHealthContributor {

    private final ModuleSnapshots snapshots;

    public ModuleHealthContributor(ModuleSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public HealthContributor getContributor(String moduleId) {
        ModuleSnapshot module = snapshots.current().get(moduleId);
        return module == null ? null : indicator(module);
    }

    @Override
    public Stream<Entry> stream() {
        return snapshots.current().values().stream().map(m -> new Entry(m.id(), indicator(m)));
    }

    /** The module as it was when the health endpoint asked for its contributors, a moment before their health. */
    private static HealthIndicator indicator(ModuleSnapshot module) {
        return () -> health(module);
    }

    static Health health(ModuleSnapshot m) {
        Health.Builder builder = m.status() == ModuleStatus.UP ? Health.up() : Health.down();
        builder.withDetail("status", m.status().name())
                .withDetail("queueDepth", m.queueDepth())
                .withDetail("openConnections", m.openConnections());
        if (m.statusSince() != null) {
            builder.withDetail("since", m.statusSince().toString());
        }
        if (m.lastError() != null) {
            builder.withDetail("lastError", m.lastError());
        }
        if (m.model() != null) {
            builder.withDetail("model", m.model());
        }
        return builder.build();
    }
}
