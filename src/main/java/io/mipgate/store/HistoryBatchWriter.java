package io.mipgate.store;

import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEvent.CellularStatusRead;
import io.mipgate.module.event.ModuleEvent.ConnectionChanged;
import io.mipgate.module.event.ModuleEvent.DnsResolved;
import io.mipgate.module.event.ModuleEvent.Identified;
import io.mipgate.module.event.ModuleEvent.JobFinished;
import io.mipgate.module.event.ModuleEvent.JobRejected;
import io.mipgate.module.event.ModuleEvent.NtpCompleted;
import io.mipgate.module.event.ModuleEvent.OperatorAction;
import io.mipgate.module.event.ModuleEvent.PingCompleted;
import io.mipgate.module.event.ModuleEvent.RestartLoss;
import io.mipgate.module.event.ModuleEvent.SackSampled;
import io.mipgate.module.event.ModuleEvent.StatusChanged;
import io.mipgate.module.JobOutcome;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch of module events as history rows in one transaction, with JDBC batches per table. Runs only on the
 * store writer thread, so the read-modify-write of module and connection rows needs no further locking (one writer
 * per box; boxes never touch each other's rows).
 */
@Component
public class HistoryBatchWriter {

    private static final int TS = Types.TIMESTAMP_WITH_TIMEZONE;
    private static final int VC = Types.VARCHAR;
    private static final int INT = Types.INTEGER;
    private static final int BIG = Types.BIGINT;
    private static final int[] CHECKPOINT_TYPES = {BIG, BIG, BIG, TS, VC, VC, INT, BIG};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String box;

    public HistoryBatchWriter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BoxId boxId) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.box = boxId.value();
    }

    /** Whether an event becomes a history row; the rest (byte counts, URCs) only feed metrics. */
    public static boolean isRecorded(ModuleEvent event) {
        return switch (event) {
            case StatusChanged e -> true;
            case Identified e -> true;
            case ConnectionChanged e -> true;
            case SackSampled e -> true;
            case JobFinished e -> true;
            case JobRejected e -> true;
            case PingCompleted e -> true;
            case DnsResolved e -> true;
            case NtpCompleted e -> true;
            case RestartLoss e -> true;
            case CellularStatusRead e -> e.change() != null;
            case OperatorAction e -> true;
            default -> false;
        };
    }

    /** Writes all events or none; an exception leaves the batch to the caller to retry. */
    public void write(List<ModuleEvent> batch) {
        tx.executeWithoutResult(status -> writeInTransaction(batch));
    }

    private void writeInTransaction(List<ModuleEvent> batch) {
        Map<String, Instant[]> seen = new LinkedHashMap<>();
        List<Object[]> statusChanges = new ArrayList<>();
        List<Object[]> transitions = new ArrayList<>();
        List<Object[]> samples = new ArrayList<>();
        List<Object[]> jobs = new ArrayList<>();
        List<Object[]> pings = new ArrayList<>();
        List<Object[]> dns = new ArrayList<>();
        List<Object[]> ntp = new ArrayList<>();
        List<Object[]> cellular = new ArrayList<>();
        List<Object[]> actions = new ArrayList<>();
        List<ConnectionChanged> connectionChanges = new ArrayList<>();
        List<Object[]> losses = new ArrayList<>();
        List<ModuleEvent> moduleUpdates = new ArrayList<>();

        for (ModuleEvent event : batch) {
            seen.merge(event.moduleId(), new Instant[] {event.at(), event.at()}, (a, b) -> new Instant[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            switch (event) {
                case StatusChanged e -> {
                    statusChanges.add(row(e.moduleId(), ts(e.at()), name(e.from()), e.to().name(), text(e.reason(), 255)));
                    moduleUpdates.add(e);
                }
                case Identified e -> moduleUpdates.add(e);
                case ConnectionChanged e -> {
                    transitions.add(row(e.moduleId(), e.connectId(), e.generation(), ts(e.at()), name(e.from()),
                            e.to().name(), text(e.reason(), 255)));
                    connectionChanges.add(e);
                }
                case SackSampled e -> samples.add(row(e.moduleId(), e.connectId(), name(e.protocol()), ts(e.at()),
                        e.sent(), e.acked(), e.nack(), e.received()));
                case JobFinished e -> jobs.add(row(e.moduleId(), text(e.command(), 64), e.outcome().name(), e.cmeCode(),
                        null, ts(e.queuedAt()), ts(e.startedAt()), ts(e.finishedAt() != null ? e.finishedAt() : e.at())));
                case JobRejected e -> jobs.add(row(e.moduleId(), text(e.command(), 64), JobOutcome.REJECTED.name(), null,
                        text(e.reason(), 255), null, null, ts(e.at())));
                case PingCompleted e -> pings.add(row(e.moduleId(), ts(e.at()), text(e.host(), 255), e.sent(), e.lost(),
                        replies(e), e.rttMinMs(), e.rttMaxMs(), e.rttAvgMs()));
                case DnsResolved e -> dns.add(row(e.moduleId(), ts(e.at()), text(e.domain(), 255),
                        text(String.join(",", e.addresses()), 1024), e.succeeded()));
                case NtpCompleted e -> ntp.add(row(e.moduleId(), ts(e.at()), text(e.server(), 255), e.result(),
                        text(e.time(), 64)));
                case RestartLoss e -> losses.add(new Object[] {e.unreadBytes(), e.unaccountedBytes(), box,
                        e.moduleId(), e.connectId(), e.previousGeneration()});
                case CellularStatusRead e -> {
                    if (e.change() != null) {
                        cellular.add(cellularRow(e));
                    }
                }
                case OperatorAction e -> actions.add(row(e.moduleId(), ts(e.at()), text(e.action(), 32),
                        text(e.detail(), 255), text(e.requestedBy(), 64), e.succeeded(), text(e.failure(), 255)));
                default -> { }
            }
        }

        seen.forEach((module, range) -> touchModule(module, range[0], range[1]));
        moduleUpdates.forEach(this::updateModule);
        batch("INSERT INTO module_status_change (box_id, module_id, changed_at, from_status, to_status, reason)"
                + " VALUES (?,?,?,?,?,?)", statusChanges, VC, VC, TS, VC, VC, VC);
        batch("INSERT INTO connection_transition (box_id, module_id, connect_id, generation, changed_at, from_state,"
                + " to_state, reason) VALUES (?,?,?,?,?,?,?,?)", transitions, VC, VC, INT, BIG, TS, VC, VC, VC);
        connectionChanges.forEach(this::recordConnection);
        batch("UPDATE connection_record SET lost_unread_bytes = ?, lost_unaccounted_bytes = ? WHERE box_id = ?"
                + " AND module_id = ? AND connect_id = ? AND generation = ?", losses, BIG, BIG, VC, VC, INT, BIG);
        batch("INSERT INTO sack_sample (box_id, module_id, connect_id, protocol, sampled_at, sent_bytes, acked_bytes,"
                + " nack_bytes, recv_bytes) VALUES (?,?,?,?,?,?,?,?,?)", samples, VC, VC, INT, VC, TS, BIG, BIG, BIG, BIG);
        batch("INSERT INTO at_job (box_id, module_id, command, outcome, cme_code, detail, queued_at, started_at,"
                + " finished_at) VALUES (?,?,?,?,?,?,?,?,?)", jobs, VC, VC, VC, VC, INT, VC, TS, TS, TS);
        batch("INSERT INTO ping_result (box_id, module_id, completed_at, host, sent, lost, replies, rtt_min_ms,"
                + " rtt_max_ms, rtt_avg_ms) VALUES (?,?,?,?,?,?,?,?,?,?)", pings, VC, VC, TS, VC, INT, INT, INT, INT, INT, INT);
        batch("INSERT INTO dns_result (box_id, module_id, resolved_at, domain, addresses, succeeded)"
                + " VALUES (?,?,?,?,?,?)", dns, VC, VC, TS, VC, VC, Types.BOOLEAN);
        batch("INSERT INTO ntp_result (box_id, module_id, completed_at, server, result_code, module_time)"
                + " VALUES (?,?,?,?,?,?)", ntp, VC, VC, TS, VC, INT, VC);
        batch("INSERT INTO cellular_status_change (box_id, module_id, read_at, change_summary, registration, attached,"
                + " radio_on, sim, operator_name, iccid, rssi_dbm, rsrp_dbm) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                cellular, VC, VC, TS, VC, VC, Types.BOOLEAN, Types.BOOLEAN, VC, VC, VC, INT, INT);
        batch("INSERT INTO operator_action (box_id, module_id, requested_at, action, detail, requested_by, succeeded,"
                + " failure) VALUES (?,?,?,?,?,?,?,?)", actions, VC, VC, TS, VC, VC, VC, Types.BOOLEAN, VC);
    }

    private Object[] cellularRow(CellularStatusRead e) {
        var s = e.status();
        return row(e.moduleId(), ts(e.at()), text(e.change(), 512),
                s.registration() == null ? null : s.registration().state().name(), s.attached(), s.radioOn(),
                name(s.sim()), s.operator() == null ? null : text(s.operator().name(), 64), text(s.iccid(), 24),
                s.signal() == null ? null : s.signal().rssiDbm(), s.signal() == null ? null : s.signal().rsrpDbm());
    }

    /**
     * Writes each connection's counters onto its row, so a run that dies leaves behind what it had received and what
     * it still held for no client (the loss the next run accounts for).
     */
    /** @return the counters whose row was there to take them (a row is created by its first transition) */
    public List<ConnectionCounters> checkpoint(List<ConnectionCounters> counters, Instant at) {
        if (counters.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = counters.stream().map(c -> new Object[] {c.received(), c.buffered(), c.dropped(), ts(at),
                box, c.moduleId(), c.connectId(), c.generation()}).toList();
        int[][] updated = tx.execute(status -> jdbc.batchUpdate("UPDATE connection_record SET received_bytes = ?,"
                + " buffered_bytes = ?, dropped_bytes = ?, counted_at = ? WHERE box_id = ? AND module_id = ?"
                + " AND connect_id = ? AND generation = ?", rows, rows.size(), (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i], CHECKPOINT_TYPES[i]);
                    }
                }));
        List<ConnectionCounters> taken = new ArrayList<>();
        int index = 0;
        for (int[] chunk : updated) {
            for (int count : chunk) {
                if (count != 0) {
                    taken.add(counters.get(index));
                }
                index++;
            }
        }
        return taken;
    }

    /** One connection lifetime's counters at a checkpoint. */
    public record ConnectionCounters(String moduleId, int connectId, long generation, long received, long buffered,
                                     long dropped) {
    }

    /** Creates the module's row on first sight and moves its last_seen forward. */
    private void touchModule(String moduleId, Instant first, Instant seen) {
        int updated = jdbc.update("UPDATE module_record SET last_seen = ? WHERE box_id = ? AND module_id = ?"
                + " AND last_seen < ?", args(ts(seen), box, moduleId, ts(seen)), types(TS, VC, VC, TS));
        if (updated == 0) {
            Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM module_record WHERE box_id = ? AND module_id = ?",
                    Integer.class, box, moduleId);
            if (known == null || known == 0) {
                jdbc.update("INSERT INTO module_record (box_id, module_id, first_seen, last_seen) VALUES (?,?,?,?)",
                        args(box, moduleId, ts(first), ts(seen)), types(VC, VC, TS, TS));
            }
        }
    }

    private void updateModule(ModuleEvent event) {
        switch (event) {
            case StatusChanged e -> jdbc.update("UPDATE module_record SET status = ?, status_since = ?"
                    + " WHERE box_id = ? AND module_id = ?", args(e.to().name(), ts(e.at()), box, e.moduleId()),
                    types(VC, TS, VC, VC));
            case Identified e -> jdbc.update("UPDATE module_record SET model = ?, firmware = ?, imei = ?"
                    + " WHERE box_id = ? AND module_id = ?", args(text(e.model(), 64), text(e.firmware(), 128),
                    text(e.imei(), 32), box, e.moduleId()), types(VC, VC, VC, VC, VC));
            default -> { }
        }
    }

    /** One row per (connect_id, generation): created by its first transition, closed by CLOSED. */
    private void recordConnection(ConnectionChanged e) {
        boolean closed = e.to() == io.mipgate.module.ConnectionState.CLOSED;
        int updated = jdbc.update("UPDATE connection_record SET last_state = ?,"
                        + " protocol = COALESCE(?, protocol), remote_host = COALESCE(?, remote_host),"
                        + " remote_port = COALESCE(?, remote_port), access_mode = COALESCE(?, access_mode),"
                        + " closed_at = COALESCE(closed_at, ?), close_reason = COALESCE(close_reason, ?)"
                        + " WHERE box_id = ? AND module_id = ? AND connect_id = ? AND generation = ?",
                args(e.to().name(), name(e.protocol()), text(e.remoteHost(), 255), port(e.remotePort()), name(e.mode()),
                        closed ? ts(e.at()) : null, closed ? text(e.reason(), 255) : null,
                        box, e.moduleId(), e.connectId(), e.generation()),
                types(VC, VC, VC, INT, VC, TS, VC, VC, VC, INT, BIG));
        if (updated == 0) {
            jdbc.update("INSERT INTO connection_record (box_id, module_id, connect_id, generation, protocol, remote_host,"
                            + " remote_port, access_mode, last_state, opened_at, closed_at, close_reason)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    args(box, e.moduleId(), e.connectId(), e.generation(), name(e.protocol()),
                            text(e.remoteHost(), 255), port(e.remotePort()), name(e.mode()), e.to().name(), ts(e.at()),
                            closed ? ts(e.at()) : null, closed ? text(e.reason(), 255) : null),
                    types(VC, VC, INT, BIG, VC, VC, INT, VC, VC, TS, TS, VC));
        }
    }

    private void batch(String sql, List<Object[]> rows, int... columnTypes) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, columnTypes);
        }
    }

    /** A row for this box: box_id first, then the given columns. */
    private Object[] row(Object... columns) {
        Object[] row = new Object[columns.length + 1];
        row[0] = box;
        System.arraycopy(columns, 0, row, 1, columns.length);
        return row;
    }

    private static Object[] args(Object... values) {
        return values;
    }

    private static int[] types(int... types) {
        return types;
    }

    private static Integer replies(PingCompleted e) {
        return e.echoes() == null ? 0 : (int) e.echoes().stream().filter(echo -> echo.result() == 0).count();
    }

    private static Integer port(int port) {
        return port > 0 ? port : null;
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** Column-sized text: an over-long value is cut rather than failing (and blocking) the whole batch. */
    static String text(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
