package io.mipgate.metrics;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Module metrics and health; scheduling drives gauge discovery. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({MetricsProperties.class, HealthProperties.class})
public class MetricsConfiguration {
}
