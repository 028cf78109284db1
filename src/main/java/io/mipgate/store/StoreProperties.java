package io.mipgate.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mipgate.store.*}: the off-thread history writer and retention.
 *
 * @param queueCapacity    events waiting for the writer; when full, new events are dropped and counted
 * @param batchSize        most events written in one transaction
 * @param batchLinger      how long the writer waits for a batch to fill once the first event arrived
 * @param retryBackoffMin  first pause after a failed batch; doubles per consecutive failure
 * @param retryBackoffMax  longest pause between retries of a failed batch
 * @param shutdownTimeout  how long a stopping application waits for queued events to be written
 * @param counterCheckpoint how often each connection's byte counters are written to its row: what a crash can leave
 *                         unaccounted on a connection is at most what it received in one such interval
 * @param pruneInterval    pause between retention prunes (read by {@code @Scheduled})
 * @param retention        how long each record type is kept
 * @param lease            one running gateway per box id in a shared database
 */
@ConfigurationProperties("mipgate.store")
public record StoreProperties(@DefaultValue("10000") int queueCapacity,
                              @DefaultValue("500") int batchSize,
                              @DefaultValue("200ms") Duration batchLinger,
                              @DefaultValue("200ms") Duration retryBackoffMin,
                              @DefaultValue("10s") Duration retryBackoffMax,
                              @DefaultValue("5s") Duration shutdownTimeout,
                              @DefaultValue("1s") Duration counterCheckpoint,
                              @DefaultValue("1h") Duration pruneInterval,
                              @DefaultValue Retention retention,
                              @DefaultValue Lease lease) {

    public StoreProperties {
        if (queueCapacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("mipgate.store.queue-capacity and batch-size must be positive");
        }
        if (counterCheckpoint.isNegative() || counterCheckpoint.isZero()) {
            throw new IllegalArgumentException("mipgate.store.counter-checkpoint must be positive");
        }
    }

    /** Per record type; a connection is pruned with its transitions once it has been closed that long. */
    public record Retention(@DefaultValue("7d") Duration sackSamples,
                            @DefaultValue("3d") Duration jobs,
                            @DefaultValue("30d") Duration connections,
                            @DefaultValue("30d") Duration statusChanges,
                            @DefaultValue("30d") Duration pings,
                            @DefaultValue("30d") Duration dns,
                            @DefaultValue("30d") Duration ntp) {
    }

    /**
     * The box id's lease: taken at start-up before the previous run's rows are closed, heartbeated while running,
     * released on a clean stop.
     *
     * @param enabled    refuse to start while another running gateway heartbeats the same box id
     * @param heartbeat  how often the running gateway renews its lease
     * @param staleAfter how long a lease's heartbeat may stand still before its holder counts as gone; a start finding
     *                   another holder's heartbeat watches it this long (default three heartbeats)
     */
    public record Lease(@DefaultValue("true") boolean enabled,
                        @DefaultValue("10s") Duration heartbeat,
                        Duration staleAfter) {

        public Lease {
            if (heartbeat.isNegative() || heartbeat.isZero()) {
                throw new IllegalArgumentException("mipgate.store.lease.heartbeat must be positive");
            }
            if (staleAfter == null) {
                staleAfter = heartbeat.multipliedBy(3);
            }
            if (staleAfter.compareTo(heartbeat) <= 0) {
                throw new IllegalArgumentException("mipgate.store.lease.stale-after (" + staleAfter
                        + ") must be longer than mipgate.store.lease.heartbeat (" + heartbeat + ")");
            }
        }
    }
}
