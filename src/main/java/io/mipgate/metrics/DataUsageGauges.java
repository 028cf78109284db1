package io.mipgate.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mipgate.module.ModuleDirectory;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.store.usage.DataUsageLedger;
import io.mipgate.store.usage.ModuleUsage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Data usage per module: bytes in the current billing cycle and in total, by direction, registered with the module
 * (zero until it moves a byte); the monthly limit (0 where none is configured) and the warning ratio, so the shipped
 * rules can compare the cycle's bytes against them from start-up.
 */
@Component
public class DataUsageGauges {

    private final MeterRegistry registry;
    private final ModuleSnapshots snapshots;
    private final DataUsageLedger ledger;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    public DataUsageGauges(MeterRegistry registry, ModuleSnapshots snapshots, DataUsageLedger ledger,
                           ObjectProvider<ModuleDirectory> directory) {
        this.registry = registry;
        this.snapshots = snapshots;
        this.ledger = ledger;
        // a module announcing itself gets its gauges before the next discovery
        directory.ifAvailable(d -> d.subscribe(event -> {
            if (event instanceof ModuleEvent.StatusChanged || event instanceof ModuleEvent.Identified) {
                register(event.moduleId());
            }
        }));
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${mipgate.metrics.discovery-interval:10s}")
    public void discover() {
        snapshots.all().keySet().forEach(this::register);
    }

    private void register(String module) {
        if (!registered.add(module)) {
            return;
        }
        bytes(module, "mipgate.cellular.usage.cycle", "sent", u -> u.cycleBytes().sent());
        bytes(module, "mipgate.cellular.usage.cycle", "received", u -> u.cycleBytes().received());
        bytes(module, "mipgate.cellular.usage.total", "sent", u -> u.totalBytes().sent());
        bytes(module, "mipgate.cellular.usage.total", "received", u -> u.totalBytes().received());
        Long limit = ledger.limit(module);
        Gauge.builder("mipgate.cellular.usage.limit", () -> limit == null ? 0 : limit)
                .description("Configured monthly data limit; 0 when the module has none").baseUnit("bytes")
                .tag("module", module).register(registry);
        Gauge.builder("mipgate.cellular.usage.warning.ratio", ledger::warningRatio)
                .description("Share of the monthly limit at which usage is a warning").tag("module", module)
                .register(registry);
    }

    private void bytes(String module, String name, String direction, ToDoubleFunction<ModuleUsage> value) {
        Gauge.builder(name, () -> value.applyAsDouble(ledger.usage(module)))
                .description("Payload bytes through the module's connections (" + (name.endsWith("cycle")
                        ? "current billing cycle" : "since the first record") + ")")
                .baseUnit("bytes").tag("module", module).tag("direction", direction).register(registry);
    }
}
