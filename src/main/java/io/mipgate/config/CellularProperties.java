package io.mipgate.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code mipgate.cellular}: how often each module's signal, registration and SIM are read. */
@ConfigurationProperties("mipgate.cellular")
public class CellularProperties {

    /** Time between cellular status readings of each module; 0 reads only on demand and when a module comes UP. */
    private Duration statusInterval = Duration.ofSeconds(60);

    public Duration getStatusInterval() {
        return statusInterval;
    }

    public void setStatusInterval(Duration statusInterval) {
        if (statusInterval == null || statusInterval.isNegative()) {
            throw new IllegalArgumentException("mipgate.cellular.status-interval must be 0 or positive");
        }
        this.statusInterval = statusInterval;
    }
}
