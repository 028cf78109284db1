package io.mipgate.metrics;

import io.mipgate.module.ModuleDirectory;
import io.mipgate.module.ModuleSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Module snapshots at most {@code mipgate.metrics.snapshot-max-age} old, so that a scrape reading dozens of gauges
 * per module asks the directory once rather than once per gauge. Health reads {@link #current()}: a probe acts on its
 * answer at once (a module UP a moment ago must not keep a gateway out of rotation) and asks far less often.
 */
@Component
public class ModuleSnapshots {

    private final ObjectProvider<ModuleDirectory> directory;
    private final long maxAgeNanos;
    private volatile Map<String, ModuleSnapshot> byId = Map.of();
    private volatile long takenAt;
    private volatile boolean taken;

    public ModuleSnapshots(ObjectProvider<ModuleDirectory> directory, MetricsProperties properties) {
        this.directory = directory;
        this.maxAgeNanos = properties.snapshotMaxAge().toNanos();
    }

    public Map<String, ModuleSnapshot> all() {
        long now = System.nanoTime();
        if (!taken || now - takenAt > maxAgeNanos) {
            refresh(now);
        }
        return byId;
    }

    public Optional<ModuleSnapshot> find(String moduleId) {
        return Optional.ofNullable(all().get(moduleId));
    }

    /** Snapshots taken now, which the cached view then shows too. */
    public Map<String, ModuleSnapshot> current() {
        refresh(System.nanoTime(), true);
        return byId;
    }

    private void refresh(long now) {
        refresh(now, false);
    }

    private synchronized void refresh(long now, boolean force) {
        if (!force && taken && now - takenAt <= maxAgeNanos) {
            return;
        }
        ModuleDirectory d = directory.getIfAvailable();
        List<ModuleSnapshot> modules;
        try {
            modules = d == null ? List.of() : d.modules();
        } catch (RuntimeException e) {
            // keep the previous view: a scrape must not fail because one module is mid-restart
            takenAt = now;
            return;
        }
        Map<String, ModuleSnapshot> map = new LinkedHashMap<>();
        for (ModuleSnapshot m : modules) {
            map.put(m.id(), m);
        }
        byId = map;
        takenAt = now;
        taken = true;
    }
}
