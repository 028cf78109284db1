package io.mipgate.metrics;

import io.mipgate.module.ModuleSnapshot;
import io.mipgate.module.ModuleStatus;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code modules} in the readiness group: UP when at least one module is UP, so a load balancer stops sending work
 * to a gateway whose modules are all down. With {@code mipgate.health.readiness-requires-module-up=false}, or when no
 * modules are configured, it is UP and says why.
 */
@Component("modulesHealthIndicator")
public class ModulesReadinessIndicator implements HealthIndicator {

    private final ModuleSnapshots snapshots;
    private final HealthProperties properties;

    public ModulesReadinessIndicator(ModuleSnapshots snapshots, HealthProperties properties) {
        this.snapshots = snapshots;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Collection<ModuleSnapshot> modules = snapshots.current().values();
        Map<String, Integer> byStatus = new TreeMap<>();
        modules.forEach(m -> byStatus.merge(m.status().name(), 1, Integer::sum));
        long up = modules.stream().filter(m -> m.status() == ModuleStatus.UP).count();
        Health.Builder builder;
        if (modules.isEmpty()) {
            builder = Health.up().withDetail("reason", "no modules configured");
        } else if (up > 0 || !properties.readinessRequiresModuleUp()) {
            builder = Health.up();
        } else {
            builder = Health.down().withDetail("reason", "no module is UP");
        }
        return builder.withDetail("modules", modules.size()).withDetail("up", up)
                .withDetail("byStatus", byStatus)
                .withDetail("requiresModuleUp", properties.readinessRequiresModuleUp()).build();
    }
}
