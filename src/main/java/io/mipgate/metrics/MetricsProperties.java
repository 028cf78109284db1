package io.mipgate.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mipgate.metrics.*}.
 *
 * @param snapshotMaxAge     how old the module snapshots behind the gauges and health may be
 * @param discoveryInterval  how often new modules are looked for to register their gauges
 * @param maxTagValues       distinct values kept per open-ended tag (command, URC type); the rest become "other"
 */
@ConfigurationProperties("mipgate.metrics")
public record MetricsProperties(@DefaultValue("1s") Duration snapshotMaxAge,
                                @DefaultValue("10s") Duration discoveryInterval,
                                @DefaultValue("64") int maxTagValues) {
}
