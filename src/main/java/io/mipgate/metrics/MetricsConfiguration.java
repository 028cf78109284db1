package io.mipgate.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.mipgate.store.BoxId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Module metrics and health; scheduling drives gauge discovery. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({MetricsProperties.class, HealthProperties.class})
public class MetricsConfiguration {

    /**
     * Every meter carries {@code box}, the same gateway id as the history rows and events, so one Prometheus and one
     * dashboard serve a fleet.
     */
    @Bean
    MeterRegistryCustomizer<MeterRegistry> gatewayTag(BoxId box) {
        return registry -> registry.config().commonTags("box", box.value());
    }
}
