package io.mipgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.module.ConnectionState;
import io.mipgate.module.JobOutcome;
import io.mipgate.module.ModuleStatus;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEvent.ConnectionChanged;
import io.mipgate.module.event.ModuleEvent.JobFinished;
import io.mipgate.module.event.ModuleEvent.PingCompleted;
import io.mipgate.module.event.ModuleEvent.PingEcho;
import io.mipgate.module.event.ModuleEvent.SackSampled;
import io.mipgate.store.history.AtJobRecord;
import io.mipgate.store.history.AtJobRepository;
import io.mipgate.store.history.ConnectionRecord;
import io.mipgate.store.history.ConnectionRecordRepository;
import io.mipgate.store.history.ConnectionTransition;
import io.mipgate.store.history.ConnectionTransitionRepository;
import io.mipgate.store.history.ModuleRecord;
import io.mipgate.store.history.ModuleRecordRepository;
import io.mipgate.store.history.PingRecordRepository;
import io.mipgate.store.history.SackBuckets;
import io.mipgate.store.history.SackHistory;
import io.mipgate.testsupport.ScriptedModuleDirectory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Migrations, the batch writer, the repositories and retention, run unchanged against each database (H2 and
 * PostgreSQL subclasses). Every test uses its own module id, so tests share one schema per class.
 */
@Import(ScriptedModuleDirectory.Config.class)
abstract class AbstractStoreContract {

    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));
    static final String BOX = "box-a";

    @Autowired HistoryBatchWriter writer;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired ModuleRecordRepository modules;
    @Autowired ConnectionRecordRepository connections;
    @Autowired ConnectionTransitionRepository transitions;
    @Autowired AtJobRepository jobs;
    @Autowired PingRecordRepository pings;
    @Autowired SackHistory sackHistory;
    @Autowired StoreProperties properties;

    static String newModule() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void migrationsCreateEveryTableAndQueryIndex() throws Exception {
        Integer applied = jdbc.queryForObject(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE", Integer.class);
        assertThat(applied).isGreaterThanOrEqualTo(1);

        Set<String> indexes = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : List.of("module_record", "module_status_change", "connection_record",
                    "connection_transition", "sack_sample", "at_job", "ping_result", "dns_result", "ntp_result")) {
                String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                try (ResultSet rs = meta.getIndexInfo(null, c.getSchema(), name, false, false)) {
                    boolean any = false;
                    while (rs.next()) {
                        any = true;
                        if (rs.getString("INDEX_NAME") != null) {
                            indexes.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                    assertThat(any).as("table %s exists with a primary key", table).isTrue();
                }
            }
        }
        assertThat(indexes).contains("ix_connection_history", "ix_transition_connection", "ix_sack_series",
                "ix_job_module", "ix_job_module_outcome", "ix_ping_module", "ix_sack_at", "ix_job_finished_at");
    }

    @Test
    void connectionLifetimesCarryTheirTransitions() {
        String m = newModule();
        writer.write(List.of(
                change(m, 0, 1, ConnectionState.INITIAL, ConnectionState.CONNECTING, "open", 0),
                change(m, 0, 1, ConnectionState.CONNECTING, ConnectionState.CONNECTED, "connected", 1),
                change(m, 0, 1, ConnectionState.CONNECTED, ConnectionState.CLOSED, "peer closed", 5)));
        writer.write(List.of(change(m, 0, 2, ConnectionState.CLOSED, ConnectionState.CONNECTING, "open", 10),
                change(m, 1, 1, ConnectionState.INITIAL, ConnectionState.CONNECTING, "open", 11)));

        Page<ConnectionRecord> page = connections
                .findByBoxIdAndModuleIdAndConnectIdAndOpenedAtGreaterThanEqualAndOpenedAtLessThan(BOX, m, 0,
                        Instant.EPOCH, T0.plus(Duration.ofDays(1)),
                        PageRequest.of(0, 10, Sort.by(Sort.Order.desc("openedAt"))));
        assertThat(page.getTotalElements()).isEqualTo(2);
        ConnectionRecord open = page.getContent().get(0);
        ConnectionRecord closed = page.getContent().get(1);
        assertThat(open.getGeneration()).isEqualTo(2);
        assertThat(open.getClosedAt()).isNull();
        assertThat(open.getLastState()).isEqualTo("CONNECTING");
        assertThat(closed.getGeneration()).isEqualTo(1);
        assertThat(closed.getOpenedAt()).isEqualTo(T0);
        assertThat(closed.getClosedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(closed.getCloseReason()).isEqualTo("peer closed");
        assertThat(closed.getProtocol()).isEqualTo("TCP");
        assertThat(closed.getRemoteHost()).isEqualTo("127.0.0.1");
        assertThat(closed.getRemotePort()).isEqualTo(7000);
        assertThat(closed.getAccessMode()).isEqualTo("STREAM_BUFFER");

        List<ConnectionTransition> steps = transitions
                .findByBoxIdAndModuleIdAndConnectIdAndGenerationInOrderByChangedAtAscIdAsc(BOX, m, 0, List.of(1L));
        assertThat(steps).extracting(ConnectionTransition::getToState)
                .containsExactly("CONNECTING", "CONNECTED", "CLOSED");
        assertThat(steps.get(2).getReason()).isEqualTo("peer closed");
    }

    @Test
    void jobsAreFilteredByOutcomeAndTimeAndPaged() {
        String m = newModule();
        List<ModuleEvent> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            JobOutcome outcome = i % 3 == 0 ? JobOutcome.CME_ERROR : JobOutcome.OK;
            batch.add(job(m, "AT+MIPOPEN", outcome, outcome == JobOutcome.CME_ERROR ? 557 : null, i * 10));
        }
        batch.add(new ModuleEvent.JobRejected(m, T0.plusSeconds(100), "AT+MIPSEND", "queue full"));
        writer.write(batch);

        Page<AtJobRecord> cme = jobs.findByBoxIdAndModuleIdAndOutcomeAndFinishedAtGreaterThanEqualAndFinishedAtLessThan(
                BOX, m, "CME_ERROR", Instant.EPOCH, T0.plus(Duration.ofDays(1)), PageRequest.of(0, 2,
                        Sort.by(Sort.Order.desc("finishedAt"))));
        assertThat(cme.getTotalElements()).isEqualTo(3);
        assertThat(cme.getContent()).hasSize(2).allSatisfy(j -> assertThat(j.getCmeCode()).isEqualTo(557));
        assertThat(cme.getContent().get(0).getFinishedAt()).isAfter(cme.getContent().get(1).getFinishedAt());

        Page<AtJobRecord> window = jobs.findByBoxIdAndModuleIdAndFinishedAtGreaterThanEqualAndFinishedAtLessThan(
                BOX, m, T0.plusSeconds(20), T0.plusSeconds(101), PageRequest.of(0, 50));
        assertThat(window.getTotalElements()).isEqualTo(6);
        assertThat(window.getContent()).anySatisfy(j -> {
            assertThat(j.getOutcome()).isEqualTo("REJECTED");
            assertThat(j.getDetail()).isEqualTo("queue full");
            assertThat(j.getStartedAt()).isNull();
        });
    }

    @Test
    void sackSamplesFoldIntoBuckets() {
        String m = newModule();
        List<ModuleEvent> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(new SackSampled(m, T0.plusSeconds(i * 10), 2, Protocol.TCP, 100L * (i + 1), 90L * (i + 1),
                    10L * (i + 1), 50L * i));
        }
        writer.write(batch);

        List<SackBuckets.Bucket> buckets = sackHistory.buckets(BOX, m, 2, T0, T0.plusSeconds(120),
                Duration.ofMinutes(1));
        assertThat(buckets).hasSize(2);
        assertThat(buckets.get(0).samples()).isEqualTo(6);
        assertThat(buckets.get(0).sent()).isEqualTo(600);
        assertThat(buckets.get(1).sent()).isEqualTo(1200);
        assertThat(buckets.get(1).sentDelta()).isEqualTo(600);
        assertThat(buckets.get(1).lastSampleAt()).isEqualTo(T0.plusSeconds(110));
    }

    @Test
    void modulesRememberFirstAndLastSeenAndIdentity() {
        String m = newModule();
        writer.write(List.of(new ModuleEvent.StatusChanged(m, T0, ModuleStatus.STARTING, ModuleStatus.UP, "init done"),
                new ModuleEvent.Identified(m, T0.plusSeconds(1), "ML307R", "ML307R-1.2", "861234567890123")));
        writer.write(List.of(new ModuleEvent.StatusChanged(m, T0.plusSeconds(30), ModuleStatus.UP, ModuleStatus.DOWN,
                "link lost")));

        ModuleRecord record = modules.findByBoxIdAndModuleId(BOX, m).orElseThrow();
        assertThat(record.getFirstSeen()).isEqualTo(T0);
        assertThat(record.getLastSeen()).isEqualTo(T0.plusSeconds(30));
        assertThat(record.getStatus()).isEqualTo("DOWN");
        assertThat(record.getModel()).isEqualTo("ML307R");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM module_status_change WHERE module_id = ?", Integer.class,
                m)).isEqualTo(2);
    }

    @Test
    void pruneDeletesOnlyExpiredRowsOfThisBox() {
        String m = newModule();
        Instant now = T0.plus(Duration.ofDays(40));
        HistoryBatchWriter otherBox = new HistoryBatchWriter(jdbc, transactionManager, new BoxId("box-b"));
        List<ModuleEvent> old = List.of(
                new SackSampled(m, T0, 0, Protocol.UDP, 1, 1, 0, 1),
                job(m, "AT", JobOutcome.OK, null, 0),
                new PingCompleted(m, T0, "127.0.0.1", List.of(new PingEcho(0, "127.0.0.1", 32, 12, 64)), 1, 0, 12, 12,
                        12),
                change(m, 3, 1, ConnectionState.INITIAL, ConnectionState.CONNECTING, "open", 0),
                change(m, 3, 1, ConnectionState.CONNECTING, ConnectionState.CLOSED, "refused", 1),
                change(m, 4, 1, ConnectionState.INITIAL, ConnectionState.CONNECTED, "open", 0));
        writer.write(old);
        otherBox.write(old);
        writer.write(List.of(new SackSampled(m, now.minusSeconds(60), 0, Protocol.UDP, 2, 2, 0, 2)));

        // defaults: 7d samples, 3d jobs, 30d pings and closed connections
        new RetentionPruner(jdbc, transactionManager, properties, new BoxId(BOX),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).prune(now);

        assertThat(count("sack_sample", BOX, m)).isEqualTo(1);
        assertThat(count("at_job", BOX, m)).isZero();
        assertThat(count("ping_result", BOX, m)).isZero();
        assertThat(count("connection_record", BOX, m)).as("the open connection stays").isEqualTo(1);
        assertThat(count("connection_transition", BOX, m)).isEqualTo(1);
        assertThat(count("sack_sample", "box-b", m)).as("another box's rows are its own business").isEqualTo(1);
        assertThat(count("connection_record", "box-b", m)).isEqualTo(2);
    }

    @Test
    void aRestartClosesTheRowsThePreviousRunLeftOpenAndContinuesTheirGenerations() {
        String m = newModule();
        BoxId box = new BoxId("box-" + UUID.randomUUID().toString().substring(0, 8));
        HistoryBatchWriter previous = new HistoryBatchWriter(jdbc, transactionManager, box);
        previous.write(List.of(
                new ModuleEvent.StatusChanged(m, T0, ModuleStatus.STARTING, ModuleStatus.UP, null),
                change(m, 0, 1, ConnectionState.INITIAL, ConnectionState.CONNECTED, "open", 0),
                change(m, 0, 1, ConnectionState.CONNECTED, ConnectionState.CLOSED, "peer closed", 5),
                change(m, 0, 2, ConnectionState.CLOSED, ConnectionState.CONNECTED, "open", 10),
                change(m, 3, 4, ConnectionState.INITIAL, ConnectionState.CONNECTED, "open", 11),
                new ModuleEvent.SackSampled(m, T0.plusSeconds(20), 0, Protocol.TCP, 1, 1, 0, 1)));
        assertThat(previous.checkpoint(List.of(
                new HistoryBatchWriter.ConnectionCounters(m, 0, 2, 5000, 1200, 0),
                new HistoryBatchWriter.ConnectionCounters(m, 3, 5, 1, 1, 0)), T0.plusSeconds(30)))
                .as("a lifetime without a row takes no counters").extracting(c -> c.generation()).containsExactly(2L);

        PreviousRun restart = new PreviousRun(jdbc, transactionManager, box);
        restart.start();

        assertThat(restart.of(m)).containsOnly(
                entry(0, new PreviousRun.Lifetime(2, true, 5000, 1200, T0.plusSeconds(30))),
                entry(3, new PreviousRun.Lifetime(4, true, 0, 0, null)));
        ConnectionRecord leftOpen = lifetime(box, m, 0, 2);
        assertThat(leftOpen.getClosedAt()).as("the last sign of life of the previous run")
                .isEqualTo(T0.plusSeconds(30));
        assertThat(leftOpen.getCloseReason()).isEqualTo(PreviousRun.CRASHED_REASON);
        assertThat(leftOpen.getLastState()).isEqualTo("CLOSED");
        assertThat(lifetime(box, m, 3, 4).getClosedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(transitions.findByBoxIdAndModuleIdAndConnectIdAndGenerationInOrderByChangedAtAscIdAsc(box.value(),
                m, 0, List.of(2L))).extracting(ConnectionTransition::getToState, ConnectionTransition::getReason)
                .containsExactly(tuple("CONNECTED", "open"), tuple("CLOSED", PreviousRun.CRASHED_REASON));
        assertThat(lifetime(box, m, 0, 1).getCloseReason()).as("a closed row is left alone").isEqualTo("peer closed");

        PreviousRun again = new PreviousRun(jdbc, transactionManager, box);
        again.start();
        assertThat(again.of(m)).as("nothing is left open twice").containsOnly(
                entry(0, new PreviousRun.Lifetime(2, false, 0, 0, null)),
                entry(3, new PreviousRun.Lifetime(4, false, 0, 0, null)));
    }

    @Test
    void aRowLeftOpenByAStoppedRunSaysSoAndTheLossLandsOnIt() {
        String m = newModule();
        BoxId box = new BoxId("box-" + UUID.randomUUID().toString().substring(0, 8));
        HistoryBatchWriter previous = new HistoryBatchWriter(jdbc, transactionManager, box);
        previous.write(List.of(change(m, 1, 9, ConnectionState.INITIAL, ConnectionState.CONNECTED, "open", 0),
                new ModuleEvent.StatusChanged(m, T0.plusSeconds(3), ModuleStatus.UP, ModuleStatus.STOPPED,
                        "gateway stopping")));
        PreviousRun restart = new PreviousRun(jdbc, transactionManager, box);
        restart.start();
        assertThat(lifetime(box, m, 1, 9).getCloseReason()).isEqualTo(PreviousRun.STOPPED_REASON);

        previous.write(List.of(change(m, 1, 10, ConnectionState.INITIAL, ConnectionState.CONNECTED,
                        "adopted from the module", 60),
                new ModuleEvent.RestartLoss(m, T0.plusSeconds(60), 1, 10, 9, 700, 42L),
                new ModuleEvent.RestartLoss(m, T0.plusSeconds(60), 2, 0, 3, 5, null)));
        ConnectionRecord lost = lifetime(box, m, 1, 9);
        assertThat(lost.getLostUnreadBytes()).isEqualTo(700);
        assertThat(lost.getLostUnaccountedBytes()).isEqualTo(42);
        ConnectionRecord adopted = lifetime(box, m, 1, 10);
        assertThat(adopted.getClosedAt()).isNull();
        assertThat(adopted.getLostUnreadBytes()).isNull();
    }

    private ConnectionRecord lifetime(BoxId box, String module, int connectId, long generation) {
        return connections.findByBoxIdAndModuleIdAndConnectIdAndGeneration(box.value(), module, connectId, generation)
                .orElseThrow();
    }

    int count(String table, String box, String module) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE box_id = ? AND module_id = ?",
                Integer.class, box, module);
    }

    static ConnectionChanged change(String m, int id, long gen, ConnectionState from, ConnectionState to, String why,
                                    int second) {
        return new ConnectionChanged(m, T0.plusSeconds(second), id, gen, from, to, why, Protocol.TCP, "127.0.0.1",
                7000, AccessMode.STREAM_BUFFER);
    }

    static JobFinished job(String m, String command, JobOutcome outcome, Integer cme, int second) {
        Instant end = T0.plusSeconds(second);
        return new JobFinished(m, end, command, outcome, cme, end.minusMillis(300), end.minusMillis(200), end);
    }
}
