package io.mipgate.store;

import io.mipgate.module.ConnectionSnapshot;
import io.mipgate.module.ModuleDirectory;
import io.mipgate.module.ModuleSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Writes every connection's byte counters (received, still buffered, dropped) onto its history row at most once per
 * interval, from the store writer thread and only when they changed. The counters come from module snapshots, so no
 * byte event crosses the store queue; a crash leaves the last checkpoint behind for the next run to account from.
 */
final class CounterCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(CounterCheckpoints.class);

    private record ConnectId(String moduleId, int connectId) {
    }

    private final HistoryBatchWriter writer;
    private final ObjectProvider<ModuleDirectory> directory;
    private final long intervalNanos;
    private final Map<ConnectId, HistoryBatchWriter.ConnectionCounters> written = new HashMap<>();
    private long due = System.nanoTime();

    CounterCheckpoints(HistoryBatchWriter writer, ObjectProvider<ModuleDirectory> directory, Duration interval) {
        this.writer = writer;
        this.directory = directory;
        this.intervalNanos = interval.toNanos();
    }

    void whenDue() {
        if (System.nanoTime() - due >= 0) {
            now();
        }
    }

    /** A failed checkpoint is only logged: the next one writes the same counters, newer. */
    void now() {
        due = System.nanoTime() + intervalNanos;
        ModuleDirectory modules = directory.getIfAvailable();
        if (modules == null) {
            return;
        }
        List<HistoryBatchWriter.ConnectionCounters> changed = new ArrayList<>();
        for (ModuleSnapshot module : modules.modules()) {
            for (ConnectionSnapshot c : module.connections()) {
                if (c.generation() == 0) {
                    continue;
                }
                var counters = new HistoryBatchWriter.ConnectionCounters(module.id(), c.connectId(), c.generation(),
                        c.bytesReceived(), c.bufferedBytes(), c.droppedBytes());
                if (!counters.equals(written.get(new ConnectId(module.id(), c.connectId())))) {
                    changed.add(counters);
                }
            }
        }
        try {
            for (var counters : writer.checkpoint(changed, Instant.now())) {
                written.put(new ConnectId(counters.moduleId(), counters.connectId()), counters);
            }
        } catch (RuntimeException e) {
            log.debug("store: counter checkpoint of {} connections failed: {}", changed.size(), e.toString());
        }
    }
}
