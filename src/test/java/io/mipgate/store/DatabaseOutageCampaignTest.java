package io.mipgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.module.DeviceManager;
import io.mipgate.module.ModuleClient;
import io.mipgate.module.ModuleStatus;
import io.mipgate.module.OpenRequest;
import io.mipgate.module.SendOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fault campaign's database scenario, on the whole application with a virtual module: the database refuses
 * every connection for a while ({@link DatabaseOutageTest}'s switchable data source; 3 s here, 30 s with
 * {@code -Dmipgate.campaign.outage=30s}) while a client keeps opening and echoing through the module. The gateway
 * keeps driving the module (every echo byte-exact, the module UP throughout), the history writer retries, and when
 * the database is back the history catches up: every event the module published since the outage began is either
 * written or counted as the gap in {@code mipgate.store.writes.dropped}, never lost silently, and the first job after
 * the outage is in the history. {@link DatabaseOutageTest} proves the queue's own bounds against a hanging database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:campaign-outage;DB_CLOSE_DELAY=-1",
        "mipgate.box-id=box-campaign-outage",
        "mipgate.store.queue-capacity=40",
        "mipgate.store.batch-size=10",
        "mipgate.store.batch-linger=10ms",
        "mipgate.store.retry-backoff-min=20ms",
        "mipgate.store.retry-backoff-max=200ms",
        "mipgate.cellular.status-interval=0s",
        "mipgate.modules[0].id=db-campaign",
        "mipgate.modules[0].port=emulator:ML307R",
        "mipgate.modules[0].sack-interval=0s",
        "mipgate.modules[0].reconcile-interval=0s"})
@Import(DatabaseOutageTest.Outage.class)
class DatabaseOutageCampaignTest {

    private static final String MODULE = "db-campaign";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TcpEchoServer ECHO = startEcho();

    @Autowired DeviceManager devices;
    @Autowired DatabaseOutageTest.SwitchableDataSource database;
    @Autowired JdbcTemplate jdbc;
    @Autowired MeterRegistry registry;
    @Autowired StoreWriteQueue queue;

    private static TcpEchoServer startEcho() {
        try {
            return TcpEchoServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopEcho() {
        ECHO.close();
    }

    @Test
    void theModuleKeepsWorkingAndTheHistoryCatchesUpOrCountsTheGap() throws Exception {
        Duration outage = Duration.parse("PT" + System.getProperty("mipgate.campaign.outage", "3s").toUpperCase());
        ModuleClient module = devices.client(MODULE);
        await().atMost(WAIT).until(() -> module.snapshot().status() == ModuleStatus.UP);
        AtomicLong recorded = new AtomicLong();
        devices.subscribe(event -> {
            if (event.moduleId().equals(MODULE) && HistoryBatchWriter.isRecorded(event)) {
                recorded.incrementAndGet();
            }
        });
        echoOnce(module, 0, 1);
        await().atMost(WAIT).until(() -> queue.depth() == 0);
        long recordedBefore = recorded.get();
        double accountedBefore = accounted();
        double writtenBefore = counter("mipgate.store.writes");

        database.state(DatabaseOutageTest.SwitchableDataSource.State.DOWN);
        long started = System.nanoTime();
        int rounds = 0;
        while (System.nanoTime() - started < outage.toNanos() || rounds < 10) {
            echoOnce(module, 1 + rounds % 2, 100 + rounds);
            assertThat(module.snapshot().status()).as("the module does not notice the database").isEqualTo(ModuleStatus.UP);
            rounds++;
        }
        await().atMost(WAIT).until(() -> counter("mipgate.store.write.failures") > 0);
        database.state(DatabaseOutageTest.SwitchableDataSource.State.UP);
        long back = System.nanoTime();
        java.sql.Timestamp backAt = java.sql.Timestamp.from(java.time.Instant.now());

        // right after the database returns the writer may still be behind (its queue full, the first events dropped
        // and counted): what must hold is that the history records again, so new work is offered until it does
        await("the history records jobs again").atMost(WAIT).until(() -> {
            echoOnce(module, 3, 999);
            return jdbc.queryForObject("SELECT COUNT(*) FROM at_job WHERE module_id = ? AND finished_at >= ?",
                    Long.class, MODULE, backAt) > 0;
        });
        await().atMost(WAIT).until(() -> queue.depth() == 0 && accounted() - accountedBefore == recorded.get() - recordedBefore);
        long catchUpMillis = Duration.ofNanos(System.nanoTime() - back).toMillis();
        long afterOutage = jdbc.queryForObject("SELECT COUNT(*) FROM at_job WHERE module_id = ? AND finished_at >= ?",
                Long.class, MODULE, backAt);
        double dropped = counter("mipgate.store.writes.dropped");
        System.out.printf("fault campaign: %-60s module UP throughout, %d echo rounds in %d ms of outage;"
                        + " %d events published, %.0f written, %.0f counted as the gap; history"
                        + " caught up %d ms after the database returned%n", "database unavailable, then back",
                rounds, Duration.ofNanos(back - started).toMillis(), recorded.get() - recordedBefore,
                counter("mipgate.store.writes") - writtenBefore, dropped, catchUpMillis);
        assertThat(afterOutage).as("the jobs after the outage are in the history").isPositive();
        assertThat(dropped).as("a queue of 40 cannot hold %d rounds: the gap is counted", rounds).isPositive();
    }

    /** Opens, echoes byte-exact and closes a connection: a few recorded events each time. */
    private static void echoOnce(ModuleClient module, int connectId, long seed) throws Exception {
        module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", ECHO.port(), connectId, AccessMode.NORMAL, null, null))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        byte[] payload = new byte[256];
        new java.util.Random(seed).nextBytes(payload);
        module.send(connectId, payload, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        await().atMost(WAIT).until(() -> {
            got.writeBytes(module.read(connectId, 4096));
            return got.size() >= payload.length;
        });
        assertThat(Arrays.equals(got.toByteArray(), payload)).as("echo of round %d", seed).isTrue();
        module.close(connectId, null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Events the store has answered for: written, refused as invalid, or dropped for a full queue. */
    private double accounted() {
        return counter("mipgate.store.writes") + counter("mipgate.store.writes.rejected")
                + counter("mipgate.store.writes.dropped");
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }
}
