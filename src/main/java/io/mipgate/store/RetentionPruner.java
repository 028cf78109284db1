package io.mipgate.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes this box's history rows older than their retention ({@code mipgate.store.retention.*}). Each box prunes
 * only its own rows, so gateways sharing a database may keep different retentions.
 */
@Component
public class RetentionPruner {

    private static final Logger log = LoggerFactory.getLogger(RetentionPruner.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final StoreProperties.Retention retention;
    private final String box;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Counter failures;

    public RetentionPruner(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, StoreProperties properties,
                           BoxId boxId, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.retention = properties.retention();
        this.box = boxId.value();
        this.clock = Clock.systemUTC();
        this.registry = registry;
        this.failures = Counter.builder("mipgate.store.prune.failures")
                .description("Retention prunes that failed (retried at the next interval)").register(registry);
    }

    @Scheduled(initialDelayString = "${mipgate.store.prune-initial-delay:1m}",
            fixedDelayString = "${mipgate.store.prune-interval:1h}")
    public void scheduledPrune() {
        try {
            prune(clock.instant());
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("retention prune failed, retrying in the next interval: {}", e.toString());
        }
    }

    /** Deletes everything older than {@code now} minus each retention; returns rows deleted per record type. */
    public Map<String, Integer> prune(Instant now) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        tx.executeWithoutResult(status -> {
            deleted.put("sack_samples", delete("sack_sample", "sampled_at", now, retention.sackSamples()));
            deleted.put("jobs", delete("at_job", "finished_at", now, retention.jobs()));
            deleted.put("status_changes", delete("module_status_change", "changed_at", now, retention.statusChanges()));
            deleted.put("cellular_changes", delete("cellular_status_change", "read_at", now,
                    retention.statusChanges()));
            deleted.put("pings", delete("ping_result", "completed_at", now, retention.pings()));
            deleted.put("dns", delete("dns_result", "resolved_at", now, retention.dns()));
            deleted.put("ntp", delete("ntp_result", "completed_at", now, retention.ntp()));
            deleted.put("connections", pruneConnections(now.minus(retention.connections())));
        });
        deleted.forEach((type, rows) -> Counter.builder("mipgate.store.pruned.rows").tag("record", type)
                .description("History rows deleted by retention").register(registry).increment(rows));
        if (deleted.values().stream().anyMatch(n -> n > 0)) {
            log.info("retention prune for box {}: {}", box, deleted);
        }
        return deleted;
    }

    private int delete(String table, String timeColumn, Instant now, Duration keep) {
        return jdbc.update("DELETE FROM " + table + " WHERE box_id = ? AND " + timeColumn + " < ?", box,
                HistoryBatchWriter.ts(now.minus(keep)));
    }

    /** A connection goes with its transitions once closed for longer than the retention; open ones stay. */
    private int pruneConnections(Instant cutoff) {
        jdbc.update("DELETE FROM connection_transition WHERE box_id = ? AND EXISTS (SELECT 1 FROM connection_record c"
                + " WHERE c.box_id = connection_transition.box_id AND c.module_id = connection_transition.module_id"
                + " AND c.connect_id = connection_transition.connect_id"
                + " AND c.generation = connection_transition.generation AND c.closed_at < ?)",
                box, HistoryBatchWriter.ts(cutoff));
        return jdbc.update("DELETE FROM connection_record WHERE box_id = ? AND closed_at < ?", box,
                HistoryBatchWriter.ts(cutoff));
    }
}
