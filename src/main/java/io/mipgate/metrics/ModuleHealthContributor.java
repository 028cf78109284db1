package io.mipgate.metrics;

import io.mipgate.module.ModuleSnapshot;
import io.mipgate.module.ModuleStatus;
import java.util.Optional;
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
        return snapshots.current().containsKey(moduleId) ? indicator(moduleId) : null;
    }

    @Override
    public Stream<Entry> stream() {
        return snapshots.current().values().stream().map(m -> new Entry(m.id(), (HealthIndicator) () -> health(m)));
    }

    private HealthIndicator indicator(String moduleId) {
        return () -> Optional.ofNullable(snapshots.current().get(moduleId)).map(ModuleHealthContributor::health)
                .orElseGet(() -> Health.unknown().withDetail("reason", "module no longer configured").build());
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
