package io.mipgate.store.usage;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code mipgate.cellular.usage}: the billing cycle, monthly limits and how often usage is written. */
@ConfigurationProperties("mipgate.cellular.usage")
public class UsageProperties {

    /** Day of the month a billing cycle starts (1–31; 29–31 fall on the last day of shorter months). */
    private int cycleDay = 1;
    /** Time zone of the cycle's midnight. */
    private ZoneId zone = ZoneId.of("UTC");
    /** Optional monthly limit per module id, e.g. {@code emu-ml307r: 500MB}. */
    private Map<String, DataSize> limits = new LinkedHashMap<>();
    /** Share of a limit at which the warning gauge and alert fire. */
    private double warningRatio = 0.8;
    /** How often counted bytes are written to the database; also on shutdown. */
    private Duration flushInterval = Duration.ofSeconds(10);

    public int getCycleDay() {
        return cycleDay;
    }

    public void setCycleDay(int cycleDay) {
        if (cycleDay < 1 || cycleDay > BillingCycle.MAX_DAY) {
            throw new IllegalArgumentException("mipgate.cellular.usage.cycle-day must be 1..31, not " + cycleDay);
        }
        this.cycleDay = cycleDay;
    }

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    public Map<String, DataSize> getLimits() {
        return limits;
    }

    public void setLimits(Map<String, DataSize> limits) {
        limits.forEach((module, limit) -> {
            if (limit == null || limit.toBytes() <= 0) {
                throw new IllegalArgumentException("mipgate.cellular.usage.limits." + module + " must be positive");
            }
        });
        this.limits = limits;
    }

    public double getWarningRatio() {
        return warningRatio;
    }

    public void setWarningRatio(double warningRatio) {
        if (!(warningRatio > 0 && warningRatio <= 1)) {
            throw new IllegalArgumentException("mipgate.cellular.usage.warning-ratio must be in (0, 1]");
        }
        this.warningRatio = warningRatio;
    }

    public Duration getFlushInterval() {
        return flushInterval;
    }

    public void setFlushInterval(Duration flushInterval) {
        if (flushInterval == null || flushInterval.isZero() || flushInterval.isNegative()) {
            throw new IllegalArgumentException("mipgate.cellular.usage.flush-interval must be positive");
        }
        this.flushInterval = flushInterval;
    }
}
