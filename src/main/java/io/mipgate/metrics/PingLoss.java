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

    void update(String module, double ratio) {
        latest.computeIfAbsent(module, m -> {
            AtomicReference<Double> holder = new AtomicReference<>(Double.NaN);
            Gauge.builder("mipgate.ping.loss.ratio", holder::get).tag("module", m)
                    .description("Fraction of echoes lost in the latest ping run").register(registry);
            return holder;
        }).set(ratio);
    }
}
