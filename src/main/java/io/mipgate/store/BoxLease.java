package io.mipgate.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One running gateway per box id on a shared database. Taken at start-up before {@link PreviousRun} closes this box's
 * open rows, heartbeated while running, released on a clean stop after the history writer flushed. Times are the
 * database's, so the clocks of the fleet's hosts do not matter.
 *
 * <p>A start that finds another instance's fresh heartbeat does not refuse at once: that holder may be a gateway
 * killed a moment ago and being restarted. It watches the heartbeat for the stale limit; if it advances, another
 * gateway runs and this start fails ({@link BoxIdHeldException}); if it stands still, the lease is taken over.
 */
public class BoxLease implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BoxLease.class);

    /** This process's holder id: contexts of one JVM (test contexts side by side) share the lease. */
    public static final String PROCESS_INSTANCE = UUID.randomUUID().toString();

    /** Starts before {@link PreviousRun} (which closes this box's open rows); stops after the writer flushed. */
    static final int PHASE = StoreWriteQueue.PHASE - 2048;

    record Holder(String instanceId, String host, long pid, OffsetDateTime heartbeatAt, Duration staleAfter) {
    }

    private final JdbcTemplate jdbc;
    private final String box;
    private final String instance;
    private final String host;
    private final long pid;
    private final Duration heartbeat;
    private final Duration staleAfter;
    private volatile boolean lost;
    private volatile boolean failing;
    private ScheduledExecutorService heartbeats;

    public BoxLease(JdbcTemplate jdbc, BoxId boxId, StoreProperties.Lease lease, MeterRegistry registry,
                    String instanceId) {
        this.jdbc = jdbc;
        this.box = boxId.value();
        this.instance = instanceId;
        this.host = hostName();
        this.pid = ProcessHandle.current().pid();
        this.heartbeat = lease.heartbeat();
        this.staleAfter = lease.staleAfter();
        Gauge.builder("mipgate.store.lease.lost", () -> lost ? 1 : 0)
                .description("1 when another gateway took this box id's lease while this one ran").register(registry);
    }

    /** Another gateway took the lease while this one ran: their histories interleave until one is reconfigured. */
    public boolean isLost() {
        return lost;
    }

    @Override
    public void start() {
        long watchStart = 0;
        Holder watched = null;
        Duration watchFor = staleAfter;
        while (true) {
            Holder other = tryTake();
            if (other == null) {
                break;
            }
            if (watched == null) {
                watched = other;
                watchStart = System.nanoTime();
                watchFor = staleLimitOf(other);
                log.info("box id '{}' is leased by host {} pid {}, last seen {}: watching its heartbeat for up to {}",
                        box, other.host(), other.pid(), other.heartbeatAt(), watchFor);
            } else if (!other.instanceId().equals(watched.instanceId())
                    || other.heartbeatAt().isAfter(watched.heartbeatAt())) {
                throw new BoxIdHeldException(box, other.host(), other.pid(), other.heartbeatAt().toInstant());
            }
            Duration watchedFor = Duration.ofNanos(System.nanoTime() - watchStart);
            if (watchedFor.compareTo(watchFor) >= 0) {
                if (takeOver(watched)) {
                    break;
                }
                continue;
            }
            pause(min(heartbeat.dividedBy(4), watchFor.minus(watchedFor)));
        }
        log.info("box id '{}' leased by this gateway (host {}, pid {}): heartbeat every {}, stale after {}", box, host,
                pid, heartbeat, staleAfter);
        heartbeats = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("mipgate-box-lease").daemon(true).factory());
        heartbeats.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Takes the lease when there is none, when it is ours or when its heartbeat is stale; else its holder. */
    private Holder tryTake() {
        OffsetDateTime now = databaseNow();
        Holder holder = holder();
        if (holder == null) {
            try {
                insert(now);
                return null;
            } catch (DataIntegrityViolationException concurrentStart) {
                return tryTake();
            }
        }
        if (holder.instanceId().equals(instance)) {
            int renewed = jdbc.update("UPDATE box_lease SET heartbeat_at = ?, stale_after_ms = ? WHERE box_id = ?"
                    + " AND instance_id = ?", now, staleAfter.toMillis(), box, instance);
            return renewed == 1 ? null : tryTake();
        }
        if (holder.heartbeatAt().isBefore(now.minus(staleLimitOf(holder)))) {
            return takeOver(holder) ? null : tryTake();
        }
        return holder;
    }

    /** Only while the holder's heartbeat still stands where it was watched: a row taken meanwhile is not stolen. */
    private boolean takeOver(Holder watched) {
        OffsetDateTime now = databaseNow();
        boolean taken = jdbc.update("UPDATE box_lease SET instance_id = ?, host = ?, pid = ?, acquired_at = ?,"
                        + " heartbeat_at = ?, stale_after_ms = ? WHERE box_id = ? AND instance_id = ?"
                        + " AND heartbeat_at <= ?",
                instance, host, pid, now, now, staleAfter.toMillis(), box, watched.instanceId(),
                watched.heartbeatAt()) == 1;
        if (taken) {
            log.warn("box id '{}': the lease of host {} pid {} did not heartbeat since {} ({} and more): taken over",
                    box, watched.host(), watched.pid(), watched.heartbeatAt(), staleLimitOf(watched));
        }
        return taken;
    }

    /** A database outage does not stop the gateway: a failed heartbeat is retried at the next one. */
    private void beat() {
        if (lost) {
            return;
        }
        try {
            OffsetDateTime now = databaseNow();
            int renewed = jdbc.update("UPDATE box_lease SET heartbeat_at = ? WHERE box_id = ? AND instance_id = ?",
                    now, box, instance);
            if (renewed == 0) {
                reclaimOrLose(now);
            }
            if (failing) {
                failing = false;
                log.info("box id '{}': lease heartbeat written again", box);
            }
        } catch (RuntimeException e) {
            // an exception escaping would end the schedule: every failure waits for the next heartbeat instead
            if (!failing) {
                failing = true;
                log.warn("box id '{}': lease heartbeat failed, retrying every {}: {}", box, heartbeat,
                        String.valueOf(e instanceof DataAccessException access ? access.getMostSpecificCause() : e));
            }
        }
    }

    /**
     * A row removed (by another context of this process stopping, or by hand) is taken again; a row of another holder
     * is not fought over.
     */
    private void reclaimOrLose(OffsetDateTime now) {
        Holder holder = holder();
        if (holder == null) {
            try {
                insert(now);
                return;
            } catch (DataIntegrityViolationException concurrentStart) {
                holder = holder();
            }
        }
        if (holder != null && !holder.instanceId().equals(instance)) {
            lost = true;
            log.error("box id '{}': the lease was taken by host {} pid {} (last seen {}): another gateway runs with"
                            + " this box id and their histories interleave; give each gateway its own mipgate.box-id",
                    box, holder.host(), holder.pid(), holder.heartbeatAt());
        }
    }

    private Holder holder() {
        List<Holder> rows = jdbc.query("SELECT instance_id, host, pid, heartbeat_at, stale_after_ms FROM box_lease"
                        + " WHERE box_id = ?", (rs, row) -> new Holder(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class), Duration.ofMillis(rs.getLong(5))), box);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private void insert(OffsetDateTime now) {
        jdbc.update("INSERT INTO box_lease (box_id, instance_id, host, pid, acquired_at, heartbeat_at, stale_after_ms)"
                + " VALUES (?,?,?,?,?,?,?)", box, instance, host, pid, now, now, staleAfter.toMillis());
    }

    private OffsetDateTime databaseNow() {
        return jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = heartbeats;
        if (running == null) {
            return;
        }
        running.shutdownNow();
        heartbeats = null;
        try {
            int released = jdbc.update("DELETE FROM box_lease WHERE box_id = ? AND instance_id = ?", box, instance);
            log.info("box id '{}': lease {}", box, released == 1 ? "released" : "already gone");
        } catch (DataAccessException e) {
            log.warn("box id '{}': lease not released ({}): the next start waits {} for it", box,
                    e.getMostSpecificCause().toString(), staleAfter);
        }
    }

    /** The heartbeat keeps running while a test pauses this context: its gateway keeps running too. */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public boolean isRunning() {
        return heartbeats != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while watching the box id's lease", e);
        }
    }

    /** A holder configured with a longer stale limit than ours is waited for as long as it declared. */
    private Duration staleLimitOf(Holder holder) {
        return holder.staleAfter().compareTo(staleAfter) > 0 ? holder.staleAfter() : staleAfter;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "unknown" : env;
        }
    }
}
