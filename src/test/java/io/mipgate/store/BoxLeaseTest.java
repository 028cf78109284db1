package io.mipgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mipgate.config.startup.BoxIdHeldFailureAnalyzer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two gateways with one box id on one database, as the lease components of two processes (each its own instance id)
 * against one H2 database migrated by Flyway.
 */
class BoxLeaseTest {

    private static final BoxId BOX = new BoxId("shared-box");
    private static final Duration HEARTBEAT = Duration.ofMillis(200);
    private static final Duration STALE_AFTER = HEARTBEAT.multipliedBy(3);

    private final List<BoxLease> started = new ArrayList<>();
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:box-lease-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void stopAll() {
        started.forEach(BoxLease::stop);
        jdbc.execute("SHUTDOWN");
    }

    private BoxLease lease(String instance, SimpleMeterRegistry registry) {
        BoxLease lease = new BoxLease(jdbc, BOX, new StoreProperties.Lease(true, HEARTBEAT, null), registry, instance);
        started.add(lease);
        return lease;
    }

    private BoxLease lease(String instance) {
        return lease(instance, new SimpleMeterRegistry());
    }

    private String holder() {
        return jdbc.queryForObject("SELECT instance_id FROM box_lease WHERE box_id = ?", String.class, BOX.value());
    }

    private OffsetDateTime heartbeat() {
        return jdbc.queryForObject("SELECT heartbeat_at FROM box_lease WHERE box_id = ?", OffsetDateTime.class,
                BOX.value());
    }

    @Test
    void aSecondGatewayRefusesWhileTheFirstRunsAndStartsAtOnceAfterItStoppedCleanly() {
        BoxLease first = lease("first");
        first.start();

        long before = System.nanoTime();
        assertThatThrownBy(() -> lease("second").start()).isInstanceOfSatisfying(BoxIdHeldException.class, held -> {
            assertThat(held.pid()).isEqualTo(ProcessHandle.current().pid());
            FailureAnalysis analysis = new BoxIdHeldFailureAnalyzer().analyze(new IllegalStateException(held));
            assertThat(analysis.getDescription()).matches("box id 'shared-box' is held by another running gateway"
                    + " \\(host .+, pid \\d+, last seen \\S+Z\\): give each gateway its own mipgate.box-id")
                    .doesNotContain("\n");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("decided once the heartbeat advanced")
                .isLessThanOrEqualTo(STALE_AFTER.plusSeconds(2));
        assertThat(holder()).isEqualTo("first");

        first.stop();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM box_lease", Integer.class)).as("released").isZero();
        BoxLease second = lease("second");
        before = System.nanoTime();
        second.start();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("no lease to watch: at once")
                .isLessThan(STALE_AFTER);
        assertThat(holder()).isEqualTo("second");
    }

    @Test
    void aLeaseWhoseHolderVanishedIsTakenOverAfterTheStaleLimitNotAtOnce() {
        long before = System.nanoTime();
        // what kill -9 leaves: a fresh heartbeat nobody renews
        jdbc.update("INSERT INTO box_lease VALUES (?, 'killed', 'box-a', 4242, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                + " ?)", BOX.value(), STALE_AFTER.toMillis());
        lease("restarted").start();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(STALE_AFTER);
        assertThat(holder()).isEqualTo("restarted");
    }

    @Test
    void aHolderWithALongerStaleLimitIsWaitedForAsLongAsItDeclared() {
        Duration holdersLimit = STALE_AFTER.multipliedBy(3);
        long before = System.nanoTime();
        jdbc.update("INSERT INTO box_lease VALUES (?, 'slow', 'box-a', 4242, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)",
                BOX.value(), holdersLimit.toMillis());

        lease("restarted").start();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(holdersLimit);
        assertThat(holder()).isEqualTo("restarted");
    }

    @Test
    void aLeaseWhoseHeartbeatIsOlderThanTheStaleLimitIsTakenAtOnce() {
        jdbc.update("INSERT INTO box_lease VALUES (?, 'gone', 'box-a', 4242, CURRENT_TIMESTAMP,"
                + " DATEADD(HOUR, -1, CURRENT_TIMESTAMP), ?)", BOX.value(), STALE_AFTER.toMillis());

        long before = System.nanoTime();
        lease("new").start();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(STALE_AFTER);
        assertThat(holder()).isEqualTo("new");
    }

    @Test
    void aStolenLeaseIsReportedAndNotFoughtOver() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BoxLease running = lease("running", registry);
        running.start();
        jdbc.update("UPDATE box_lease SET instance_id = 'thief' WHERE box_id = ?", BOX.value());

        await().atMost(Duration.ofSeconds(5)).until(running::isLost);
        assertThat(registry.get("mipgate.store.lease.lost").gauge().value()).isEqualTo(1.0);
        OffsetDateTime stolenAt = heartbeat();
        await().pollDelay(HEARTBEAT.multipliedBy(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(holder()).isEqualTo("thief");
        assertThat(heartbeat()).as("the thief's row is left alone").isEqualTo(stolenAt);
    }

    @Test
    void heartbeatsFailingDuringADatabaseOutageAreRetriedAndTheLeaseKept() {
        BoxLease running = lease("running");
        running.start();
        jdbc.execute("ALTER TABLE box_lease RENAME TO box_lease_unreachable");
        await().pollDelay(HEARTBEAT.multipliedBy(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        jdbc.execute("ALTER TABLE box_lease_unreachable RENAME TO box_lease");
        OffsetDateTime afterOutage = heartbeat();

        await().atMost(Duration.ofSeconds(5)).until(() -> heartbeat().isAfter(afterOutage));
        assertThat(running.isLost()).isFalse();
        assertThat(holder()).isEqualTo("running");
    }
}
