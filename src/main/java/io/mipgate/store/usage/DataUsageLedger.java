package io.mipgate.store.usage;

import io.mipgate.module.ModuleDirectory;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.store.BoxId;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts the bytes every module sends and receives, per connection, per module and per SIM (ICCID) and billing cycle,
 * and keeps them in the database across restarts and SIM swaps. Counting is in memory on the workers' event threads;
 * the deltas are written on a timer and at shutdown, so a slow database never holds a worker. A failed write keeps its
 * deltas for the next one. The ICCID is the module's latest cellular reading; until the first reading after start-up
 * the last ICCID the database has for the module is assumed.
 */
@Component
@EnableConfigurationProperties(UsageProperties.class)
public class DataUsageLedger implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DataUsageLedger.class);

    private record CycleKey(String module, String iccid, LocalDate cycleStart) {
    }

    private record ConnectionKey(String module, int connectId, long generation) {
    }

    private final JdbcTemplate jdbc;
    private final UsageProperties properties;
    private final Clock clock;
    private final String box;
    /** Every (module, SIM, cycle) row: what the database has plus what is counted and not written yet. */
    private final Map<CycleKey, ModuleUsage.Bytes> cycles = new HashMap<>();
    private final Map<CycleKey, ModuleUsage.Bytes> unwrittenCycles = new HashMap<>();
    private final Map<ConnectionKey, ModuleUsage.Bytes> unwrittenConnections = new HashMap<>();
    private final Map<ConnectionKey, String> connectionSims = new HashMap<>();
    private final Map<String, Long> generations = new HashMap<>();
    private final Map<String, String> iccids = new HashMap<>();
    private volatile boolean running;

    public DataUsageLedger(JdbcTemplate jdbc, UsageProperties properties, ObjectProvider<Clock> clock, BoxId box,
                           ObjectProvider<ModuleDirectory> directory) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.box = box.value();
        load();
        directory.ifAvailable(d -> d.subscribe(this::onEvent));
    }

    private void load() {
        jdbc.query("SELECT module_id, iccid, cycle_start, sent_bytes, received_bytes, updated_at FROM data_usage"
                + " WHERE box_id = ? ORDER BY updated_at", rs -> {
            CycleKey key = new CycleKey(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate());
            cycles.put(key, new ModuleUsage.Bytes(rs.getLong(4), rs.getLong(5)));
            if (!key.iccid().isEmpty()) {
                iccids.put(key.module(), key.iccid()); // ordered by time: the last one wins
            }
        }, box);
    }

    private synchronized void onEvent(ModuleEvent event) {
        switch (event) {
            case ModuleEvent.DataSent e -> count(e.moduleId(), e.connectId(), e.bytes(), 0);
            case ModuleEvent.DataReceived e -> count(e.moduleId(), e.connectId(), 0, e.bytes());
            case ModuleEvent.ConnectionChanged e -> generations.put(e.moduleId() + "/" + e.connectId(), e.generation());
            case ModuleEvent.CellularStatusRead e -> {
                if (e.status().iccid() != null) {
                    iccids.put(e.moduleId(), e.status().iccid());
                }
            }
            default -> { }
        }
    }

    private void count(String module, int connectId, long sent, long received) {
        String iccid = iccids.getOrDefault(module, "");
        CycleKey key = new CycleKey(module, iccid, cycleNow().start());
        cycles.merge(key, new ModuleUsage.Bytes(sent, received), (a, b) -> a.plus(b.sent(), b.received()));
        unwrittenCycles.merge(key, new ModuleUsage.Bytes(sent, received), (a, b) -> a.plus(b.sent(), b.received()));
        ConnectionKey connection = new ConnectionKey(module, connectId,
                generations.getOrDefault(module + "/" + connectId, 0L));
        unwrittenConnections.merge(connection, new ModuleUsage.Bytes(sent, received),
                (a, b) -> a.plus(b.sent(), b.received()));
        connectionSims.put(connection, iccid);
    }

    /** The billing cycle today falls in. */
    public BillingCycle cycleNow() {
        return BillingCycle.containing(LocalDate.now(clock.withZone(properties.getZone())), properties.getCycleDay());
    }

    /** A module's usage; zero for a module that never moved a byte. */
    public synchronized ModuleUsage usage(String module) {
        BillingCycle cycle = cycleNow();
        Map<String, ModuleUsage.Bytes[]> perSim = new TreeMap<>();
        cycles.forEach((key, bytes) -> {
            if (key.module().equals(module)) {
                ModuleUsage.Bytes[] sim = perSim.computeIfAbsent(key.iccid(),
                        k -> new ModuleUsage.Bytes[] {ModuleUsage.Bytes.ZERO, ModuleUsage.Bytes.ZERO});
                if (key.cycleStart().equals(cycle.start())) {
                    sim[0] = sim[0].plus(bytes.sent(), bytes.received());
                }
                sim[1] = sim[1].plus(bytes.sent(), bytes.received());
            }
        });
        List<ModuleUsage.SimUsage> sims = new ArrayList<>();
        ModuleUsage.Bytes cycleBytes = ModuleUsage.Bytes.ZERO;
        ModuleUsage.Bytes total = ModuleUsage.Bytes.ZERO;
        for (var entry : perSim.entrySet()) {
            sims.add(new ModuleUsage.SimUsage(entry.getKey(), entry.getValue()[0], entry.getValue()[1]));
            cycleBytes = cycleBytes.plus(entry.getValue()[0].sent(), entry.getValue()[0].received());
            total = total.plus(entry.getValue()[1].sent(), entry.getValue()[1].received());
        }
        var limit = properties.getLimits().get(module);
        return new ModuleUsage(module, cycle, cycleBytes, total, limit == null ? null : limit.toBytes(),
                properties.getWarningRatio(), iccids.get(module), sims);
    }

    /** One SIM's usage in every module it has been in: module id → its usage there. */
    public synchronized Map<String, ModuleUsage.SimUsage> simUsage(String iccid) {
        BillingCycle cycle = cycleNow();
        Map<String, ModuleUsage.SimUsage> perModule = new TreeMap<>();
        cycles.forEach((key, bytes) -> {
            if (key.iccid().equals(iccid)) {
                ModuleUsage.SimUsage now = perModule.getOrDefault(key.module(),
                        new ModuleUsage.SimUsage(iccid, ModuleUsage.Bytes.ZERO, ModuleUsage.Bytes.ZERO));
                ModuleUsage.Bytes inCycle = key.cycleStart().equals(cycle.start())
                        ? now.cycleBytes().plus(bytes.sent(), bytes.received()) : now.cycleBytes();
                perModule.put(key.module(), new ModuleUsage.SimUsage(iccid, inCycle,
                        now.totalBytes().plus(bytes.sent(), bytes.received())));
            }
        });
        return perModule;
    }

    /** Bytes of one connection lifetime; {@code iccid} is the SIM its first byte was counted on. */
    public record ConnectionUsage(int connectId, long generation, String iccid, ModuleUsage.Bytes bytes,
                                  Instant updatedAt) {
    }

    /** The module's most recently active connection lifetimes, newest first, with bytes not yet written included. */
    public List<ConnectionUsage> connections(String module, int limit) {
        List<ConnectionUsage> stored = jdbc.query("SELECT connect_id, generation, iccid, sent_bytes, received_bytes,"
                        + " updated_at FROM connection_usage WHERE box_id = ? AND module_id = ?"
                        + " ORDER BY updated_at DESC, id DESC FETCH FIRST ? ROWS ONLY",
                (rs, row) -> new ConnectionUsage(rs.getInt(1), rs.getLong(2), rs.getString(3),
                        new ModuleUsage.Bytes(rs.getLong(4), rs.getLong(5)), rs.getTimestamp(6).toInstant()),
                box, module, limit);
        Map<String, ConnectionUsage> merged = new java.util.LinkedHashMap<>();
        synchronized (this) {
            unwrittenConnections.forEach((key, bytes) -> {
                if (key.module().equals(module)) {
                    merged.put(key.connectId() + "/" + key.generation(), new ConnectionUsage(key.connectId(),
                            key.generation(), connectionSims.getOrDefault(key, iccids.getOrDefault(module, "")),
                            bytes, Instant.now(clock)));
                }
            });
        }
        for (ConnectionUsage row : stored) {
            merged.merge(row.connectId() + "/" + row.generation(), row, (pending, saved) -> new ConnectionUsage(
                    saved.connectId(), saved.generation(), saved.iccid(), saved.bytes().plus(pending.bytes().sent(),
                    pending.bytes().received()), pending.updatedAt()));
        }
        return merged.values().stream().limit(limit).toList();
    }

    /** The configured limit of a module, or null. */
    public Long limit(String module) {
        var limit = properties.getLimits().get(module);
        return limit == null ? null : limit.toBytes();
    }

    public double warningRatio() {
        return properties.getWarningRatio();
    }

    /** Writes what was counted since the last write; on failure the deltas wait for the next one. */
    @Scheduled(initialDelayString = "${mipgate.cellular.usage.flush-interval:10s}",
            fixedDelayString = "${mipgate.cellular.usage.flush-interval:10s}")
    public void flush() {
        Map<CycleKey, ModuleUsage.Bytes> cycleDeltas;
        Map<ConnectionKey, ModuleUsage.Bytes> connectionDeltas;
        Map<ConnectionKey, String> sims;
        synchronized (this) {
            if (unwrittenCycles.isEmpty() && unwrittenConnections.isEmpty()) {
                return;
            }
            cycleDeltas = new HashMap<>(unwrittenCycles);
            connectionDeltas = new HashMap<>(unwrittenConnections);
            sims = new HashMap<>(connectionSims);
            connectionSims.clear();
            unwrittenCycles.clear();
            unwrittenConnections.clear();
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        // each row is removed from the deltas once written, so a failure puts back only what was not written
        try {
            for (var it = cycleDeltas.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                write(entry.getKey(), entry.getValue(), now);
                it.remove();
            }
            for (var it = connectionDeltas.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                write(entry.getKey(), sims.getOrDefault(entry.getKey(), ""), entry.getValue(), now);
                it.remove();
            }
        } catch (RuntimeException e) {
            log.warn("data usage not written, retrying at the next flush: {}", e.toString());
            synchronized (this) {
                cycleDeltas.forEach((key, bytes) -> unwrittenCycles.merge(key, bytes,
                        (a, b) -> a.plus(b.sent(), b.received())));
                connectionDeltas.forEach((key, bytes) -> unwrittenConnections.merge(key, bytes,
                        (a, b) -> a.plus(b.sent(), b.received())));
                sims.forEach(connectionSims::putIfAbsent);
            }
        }
    }

    private void write(CycleKey key, ModuleUsage.Bytes bytes, Timestamp now) {
        int updated = jdbc.update("UPDATE data_usage SET sent_bytes = sent_bytes + ?, received_bytes = received_bytes"
                        + " + ?, updated_at = ? WHERE box_id = ? AND module_id = ? AND iccid = ? AND cycle_start = ?",
                bytes.sent(), bytes.received(), now, box, key.module(), key.iccid(), Date.valueOf(key.cycleStart()));
        if (updated == 0) {
            jdbc.update("INSERT INTO data_usage (box_id, module_id, iccid, cycle_start, sent_bytes, received_bytes,"
                            + " updated_at) VALUES (?,?,?,?,?,?,?)", box, key.module(), key.iccid(),
                    Date.valueOf(key.cycleStart()), bytes.sent(), bytes.received(), now);
        }
    }

    private void write(ConnectionKey key, String iccid, ModuleUsage.Bytes bytes, Timestamp now) {
        int updated = jdbc.update("UPDATE connection_usage SET sent_bytes = sent_bytes + ?, received_bytes ="
                        + " received_bytes + ?, updated_at = ? WHERE box_id = ? AND module_id = ? AND connect_id = ?"
                        + " AND generation = ?", bytes.sent(), bytes.received(), now, box, key.module(),
                key.connectId(), key.generation());
        if (updated == 0) {
            jdbc.update("INSERT INTO connection_usage (box_id, module_id, connect_id, generation, iccid, sent_bytes,"
                            + " received_bytes, updated_at) VALUES (?,?,?,?,?,?,?,?)", box, key.module(),
                    key.connectId(), key.generation(), iccid, bytes.sent(), bytes.received(), now);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Writes what is left before the database goes away. */
    @Override
    public void stop() {
        flush();
        running = false;
    }

    /** Counts the workers' traffic, which a paused context does not stop (the device manager is not pauseable). */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
