package io.mipgate.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the previous run of this box left in the history, settled once at start-up before the writer and the workers
 * start: the connection rows it never saw close are closed (a new run knows no connection yet, so every open row of
 * this box is a leftover), and each connect_id's newest generation and last counters are kept for the workers, so
 * generations continue where they stopped and the loss on a connection left open can be accounted.
 */
@Component
public class PreviousRun implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PreviousRun.class);

    static final String STOPPED_REASON = "gateway restart: the previous run stopped, leaving it open on the module";
    static final String CRASHED_REASON = "gateway restart: the previous run ended without stopping";

    /**
     * The newest lifetime of one connect_id.
     *
     * @param leftOpen       the previous run never saw it close; closed now by this start
     * @param receivedBytes  its last checkpoint; 0 without one
     * @param bufferedBytes  its last checkpoint; 0 without one
     */
    public record Lifetime(long generation, boolean leftOpen, long receivedBytes, long bufferedBytes,
                           Instant countedAt) {
    }

    private record ModuleConnect(String moduleId, int connectId) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String box;
    private volatile Map<String, Map<Integer, Lifetime>> lifetimes;

    public PreviousRun(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BoxId boxId) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.box = boxId.value();
    }

    /** The newest lifetime per connect_id of a module, as the previous run left it. */
    public Map<Integer, Lifetime> of(String moduleId) {
        Map<String, Map<Integer, Lifetime>> settled = lifetimes;
        if (settled == null) {
            throw new IllegalStateException("the previous run's history is read at start-up, before the workers start");
        }
        return settled.getOrDefault(moduleId, Map.of());
    }

    @Override
    public void start() {
        lifetimes = tx.execute(status -> settle(Instant.now()));
    }

    private Map<String, Map<Integer, Lifetime>> settle(Instant now) {
        Map<ModuleConnect, Long> newest = new HashMap<>();
        jdbc.query("SELECT module_id, connect_id, MAX(generation) FROM connection_record WHERE box_id = ?"
                + " GROUP BY module_id, connect_id", rs -> {
                    newest.put(new ModuleConnect(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }, box);
        Map<ModuleConnect, Lifetime> result = new HashMap<>();
        newest.forEach((key, generation) -> result.put(key, new Lifetime(generation, false, 0, 0, null)));

        List<LeftOpen> open = jdbc.query("SELECT c.id, c.module_id, c.connect_id, c.generation, c.last_state,"
                + " c.opened_at, c.received_bytes, c.buffered_bytes, c.counted_at, m.last_seen, m.status"
                + " FROM connection_record c LEFT JOIN module_record m ON m.box_id = c.box_id"
                + " AND m.module_id = c.module_id WHERE c.box_id = ? AND c.closed_at IS NULL",
                (rs, row) -> new LeftOpen(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                        rs.getString(5), instant(rs.getObject(6, OffsetDateTime.class)),
                        rs.getLong(7), rs.getLong(8), instant(rs.getObject(9, OffsetDateTime.class)),
                        instant(rs.getObject(10, OffsetDateTime.class)), rs.getString(11)), box);
        for (LeftOpen row : open) {
            Instant closedAt = latest(row.openedAt(), row.lastSeen(), row.countedAt());
            String reason = "STOPPED".equals(row.moduleStatus()) ? STOPPED_REASON : CRASHED_REASON;
            jdbc.update("UPDATE connection_record SET closed_at = ?, close_reason = ?, last_state = 'CLOSED'"
                    + " WHERE id = ?", HistoryBatchWriter.ts(closedAt), reason, row.id());
            jdbc.update("INSERT INTO connection_transition (box_id, module_id, connect_id, generation, changed_at,"
                            + " from_state, to_state, reason) VALUES (?,?,?,?,?,?,?,?)", box, row.moduleId(),
                    row.connectId(), row.generation(), HistoryBatchWriter.ts(closedAt), row.lastState(), "CLOSED",
                    reason);
            ModuleConnect key = new ModuleConnect(row.moduleId(), row.connectId());
            if (newest.get(key) == row.generation()) {
                result.put(key, new Lifetime(row.generation(), true, row.received(), row.buffered(), row.countedAt()));
            }
            log.warn("module={} connect_id={} generation={} left open by the previous run: closed ({}); {} bytes"
                            + " received, {} unread at its last checkpoint {}", row.moduleId(), row.connectId(),
                    row.generation(), reason, row.received(), row.buffered(), row.countedAt());
        }
        Map<String, Map<Integer, Lifetime>> byModule = new HashMap<>();
        result.forEach((key, lifetime) -> byModule.computeIfAbsent(key.moduleId(), m -> new HashMap<>())
                .put(key.connectId(), lifetime));
        log.info("history: {} connection ids known from earlier runs, {} rows left open closed", result.size(),
                open.size());
        return byModule;
    }

    private record LeftOpen(long id, String moduleId, int connectId, long generation, String lastState,
                            Instant openedAt, long received, long buffered, Instant countedAt, Instant lastSeen,
                            String moduleStatus) {
    }

    private static Instant latest(Instant... candidates) {
        Instant latest = null;
        for (Instant candidate : candidates) {
            if (candidate != null && (latest == null || candidate.isAfter(latest))) {
                latest = candidate;
            }
        }
        return latest;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    @Override
    public void stop() {
    }

    /** Runs once per start-up: a resumed context is not a new run. */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public boolean isRunning() {
        return lifetimes != null;
    }

    /** Before the store writer (which may already write this run's events) and long before the workers. */
    @Override
    public int getPhase() {
        return StoreWriteQueue.PHASE - 1024;
    }
}
