package io.mipgate.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mipgate.health.*}.
 *
 * @param readinessRequiresModuleUp whether readiness needs at least one module UP (when modules are configured)
 */
@ConfigurationProperties("mipgate.health")
public record HealthProperties(@DefaultValue("true") boolean readinessRequiresModuleUp) {
}
