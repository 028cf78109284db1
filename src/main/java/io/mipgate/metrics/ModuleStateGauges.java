package io.mipgate.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mipgate.module.ConnectionSnapshot;
import io.mipgate.module.ConnectionState;
import io.mipgate.module.ModuleDirectory;
import io.mipgate.module.ModuleSnapshot;
import io.mipgate.module.ModuleStatus;
import io.mipgate.module.SackSample;
import io.mipgate.module.event.ModuleEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges read from module snapshots. Each module's gauges are registered once, when the module is first seen (at
 * start-up for every configured module), over a fixed tag domain (every status, connect_id 0–5, every state), and
 * read the latest snapshot at scrape time, so nothing is re-registered and no series leaks as states change. The
 * module's event counters are registered at zero at the same moment. A module that disappears reads NaN. The SACK
 * gauges exist only while the module's model reports ACK status: a model without it has no sample, not NaN.
 */
@Component
public class ModuleStateGauges implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ModuleStateGauges.class);
    static final int CONNECT_IDS = 6;

    private final MeterRegistry registry;
    private final ModuleSnapshots snapshots;
    private final ModuleEventMetrics eventMetrics;
    private final ObjectProvider<ModuleDirectory> directory;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Meter>> sackGauges = new ConcurrentHashMap<>();

    public ModuleStateGauges(MeterRegistry registry, ModuleSnapshots snapshots, ModuleEventMetrics eventMetrics,
                             ObjectProvider<ModuleDirectory> directory) {
        this.registry = registry;
        this.snapshots = snapshots;
        this.eventMetrics = eventMetrics;
        this.directory = directory;
        directory.ifAvailable(d -> d.subscribe(this::onEvent));
    }

    /** Every configured module's meters exist before the first scrape, not after the first discovery tick. */
    @Override
    public void afterSingletonsInstantiated() {
        discover();
    }

    /**
     * A module announcing itself gets its gauges at once rather than at the next discovery; its identification
     * settles whether its model has SACK gauges.
     */
    private void onEvent(ModuleEvent event) {
        if (!(event instanceof ModuleEvent.StatusChanged || event instanceof ModuleEvent.Identified)) {
            return;
        }
        try {
            register(event.moduleId());
            syncSackGauges(event.moduleId());
        } catch (RuntimeException e) {
            log.debug("metrics: gauges of module {} not registered yet", event.moduleId(), e);
        }
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${mipgate.metrics.discovery-interval:10s}")
    public void discover() {
        for (String module : snapshots.all().keySet()) {
            register(module);
            syncSackGauges(module);
        }
    }

    void register(String module) {
        if (!registered.add(module)) {
            return;
        }
        eventMetrics.registerAtZero(module);
        gauge("mipgate.module.up", "1 when the module is UP, else 0", module,
                m -> m.status() == ModuleStatus.UP ? 1 : 0);
        for (ModuleStatus status : ModuleStatus.values()) {
            Gauge.builder("mipgate.module.status", () -> value(module, m -> m.status() == status ? 1 : 0))
                    .description("Module status, one-hot").tag("module", module).tag("status", status.name())
                    .register(registry);
        }
        gauge("mipgate.job.queue.depth", "AT jobs waiting for the module's worker", module, ModuleSnapshot::queueDepth);
        gauge("mipgate.job.queue.capacity", "Capacity of the module's AT job queue", module,
                ModuleSnapshot::queueCapacity);
        gauge("mipgate.module.connections.open", "Connections CONNECTING or CONNECTED", module,
                ModuleSnapshot::openConnections);
        for (int id = 0; id < CONNECT_IDS; id++) {
            registerConnection(module, id);
        }
        log.info("metrics: gauges registered for module {}", module);
    }

    private void registerConnection(String module, int connectId) {
        String cid = Integer.toString(connectId);
        for (ConnectionState state : ConnectionState.values()) {
            Gauge.builder("mipgate.connection.state",
                            () -> connectionValue(module, connectId, c -> stateOf(c) == state ? 1 : 0))
                    .description("Connection state, one-hot (an unused connect_id is INITIAL)")
                    .tag("module", module).tag("connect_id", cid).tag("state", state.name()).register(registry);
        }
        Gauge.builder("mipgate.connection.buffered", () -> connectionValue(module, connectId,
                        c -> c == null ? 0 : c.bufferedBytes()))
                .description("Received bytes held by the gateway, not yet read by a client").baseUnit("bytes")
                .tag("module", module).tag("connect_id", cid).register(registry);
    }

    /** Registers or removes the module's SACK gauges as its (possibly just identified) model has them or not. */
    private void syncSackGauges(String module) {
        ModuleDirectory modules = directory.getIfAvailable();
        boolean wanted = modules != null && modules.readsAckStatus(module);
        synchronized (sackGauges) {
            List<Meter> present = sackGauges.get(module);
            if (wanted && present == null) {
                List<Meter> gauges = new ArrayList<>();
                for (int id = 0; id < CONNECT_IDS; id++) {
                    gauges.add(sack(module, id, "sent", SackSample::sent));
                    gauges.add(sack(module, id, "acked", SackSample::acked));
                    gauges.add(sack(module, id, "nack", SackSample::nack));
                    gauges.add(sack(module, id, "received", SackSample::received));
                }
                sackGauges.put(module, gauges);
            } else if (!wanted && present != null) {
                present.forEach(registry::remove);
                sackGauges.remove(module);
            }
        }
    }

    /** A slot without a reading (no connection yet) has nothing in flight: 0. */
    private Meter sack(String module, int connectId, String kind, ToDoubleFunction<SackSample> field) {
        return Gauge.builder("mipgate.link.sack", () -> connectionValue(module, connectId,
                        c -> c == null || c.lastSack() == null ? 0 : field.applyAsDouble(c.lastSack())))
                .description("Latest AT+MIPSACK reading: bytes sent, acked, not yet acked (nack), received")
                .baseUnit("bytes").tag("module", module).tag("connect_id", Integer.toString(connectId))
                .tag("kind", kind).register(registry);
    }

    private void gauge(String name, String description, String module, ToDoubleFunction<ModuleSnapshot> f) {
        Gauge.builder(name, () -> value(module, f)).description(description).tag("module", module).register(registry);
    }

    private double value(String module, ToDoubleFunction<ModuleSnapshot> f) {
        return snapshots.find(module).map(f::applyAsDouble).orElse(Double.NaN);
    }

    private double connectionValue(String module, int connectId, ToDoubleFunction<ConnectionSnapshot> f) {
        Optional<ModuleSnapshot> snapshot = snapshots.find(module);
        if (snapshot.isEmpty()) {
            return Double.NaN;
        }
        ConnectionSnapshot connection = snapshot.get().connections().stream()
                .filter(c -> c.connectId() == connectId).findFirst().orElse(null);
        return f.applyAsDouble(connection);
    }

    private static ConnectionState stateOf(ConnectionSnapshot c) {
        return c == null || c.state() == null ? ConnectionState.INITIAL : c.state();
    }
}
