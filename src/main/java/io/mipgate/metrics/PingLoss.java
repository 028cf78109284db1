package io.mipgate.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** {@code mipgate_ping_loss_ratio{module}}: the loss of each module's latest ping run, one gauge per module. */
final class PingLoss {

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> latest = new ConcurrentHashMap<>();

    PingLoss(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The module's gauge, NaN until its first ping run: no run is not "no loss". */
    void register(String module) {
        holder(module);
    }

    void update(String module, double ratio) {
        holder(module).set(ratio);
    }

    private AtomicReference<Double> holder(String module) {
        return latest.computeIfAbsent(module, m -> {
            AtomicReference<Double> holder = new AtomicReference<>(Double.NaN);
            Gauge.builder("mipgate.ping.loss.ratio", holder::get).tag("module", m)
                    .description("Fraction of echoes lost in the latest ping run").register(registry);
            return holder;
        });
    }
}
