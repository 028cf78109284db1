package io.mipgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The gateway as a process of its own, against a module that runs outside it: killed with SIGKILL in the middle of a
 * burst, restarted on the same H2 file, stopped with SIGTERM. Its history must be consistent (one row per generation,
 * the killed run's row closed, the adopted connection on a row of its own, the job log complete up to the stated
 * bound), every byte the module handed over either received or recorded as lost, and the last events of a clean stop
 * in the file.
 */
class GatewayCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int BURST = 96 * 1024;
    private static final int CONNECT_ID = 1;
    private static final Duration BATCH_LINGER = Duration.ofMillis(100);
    /** README, "Crash safety": a kill loses at most the events of one batch linger plus the batch being committed. */
    private static final Duration JOB_LOG_BOUND = BATCH_LINGER.plusSeconds(1);
    private static final Map<String, String> TUNING = Map.of(
            "mipgate.modules[0].sack-interval", "100ms",
            "mipgate.store.batch-linger", BATCH_LINGER.toMillis() + "ms",
            "mipgate.store.counter-checkpoint", "200ms",
            // the restart after the kill takes the killed run's lease over once it stood still for the stale limit
            "mipgate.store.lease.heartbeat", "200ms");

    @TempDir Path dir;

    @Test
    void killedDuringABurstItRestartsWithConsistentHistoryAndRecordsWhatItLost() throws Exception {
        Path h2 = dir.resolve("history");
        // the gateways' logs stay where surefire keeps its reports, for the case this test fails
        Path logs = java.nio.file.Files.createDirectories(Path.of("target", "gateway-crash-test"));
        java.nio.file.Files.deleteIfExists(logs.resolve("run1.log"));
        java.nio.file.Files.deleteIfExists(logs.resolve("run2.log"));
        try (TappedModule module = new TappedModule(230_400);
             ServerSocket peerServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try (TappedModule.AtSession at = module.session()) {
                at.command("AT+MIPOPEN=" + CONNECT_ID + ",\"TCP\",\"127.0.0.1\"," + peerServer.getLocalPort()
                        + ",30,2", "\\+MIPOPEN: " + CONNECT_ID + ",0");
            }
            try (Socket peer = peerServer.accept()) {
                Thread sender = Thread.ofPlatform().daemon().name("burst").start(() -> send(peer, BURST));

                Instant killedAt;
                try (GatewayProcess first = GatewayProcess.start(h2, module.port(), logs.resolve("run1.log"), TUNING)) {
                    whileAlive(first, () -> module.attachments.size() >= 2
                            && module.attachments.get(1).dataRead > BURST / 3);
                    killedAt = Instant.now();
                    first.kill();
                }
                TappedModule.Attachment killedRun = module.attachments.get(1);

                String stopLog;
                try (GatewayProcess second = GatewayProcess.start(h2, module.port(), logs.resolve("run2.log"),
                        TUNING)) {
                    // SIGTERM once the module handed everything over and the sampler ran after the last read, so no
                    // read is in flight: its bytes would be the next run's to account for
                    whileAlive(second, () -> module.attachments.size() >= 3
                            && killedRun.dataRead + module.attachments.get(2).dataRead == BURST);
                    int answered = module.attachments.get(2).sackAnswers.size();
                    whileAlive(second, () -> module.attachments.get(2).sackAnswers.size() > answered);
                    assertThat(second.terminate()).as("exit code after SIGTERM").isIn(0, 143);
                    stopLog = second.output();
                }
                assertThat(stopLog).as("the killed run's lease is taken over, then released after the writer flushed")
                        .contains("box id '" + GatewayProcess.BOX + "': the lease of host")
                        .containsPattern("(?s)store writer stopped.*box id '" + GatewayProcess.BOX + "': lease released");
                sender.join(Duration.ofSeconds(30));

                try (TappedModule.AtSession at = module.session()) {
                    Matcher sack = at.command("AT+MIPSACK=" + CONNECT_ID, "\\+MIPSACK: (\\d+),(\\d+),(\\d+),(\\d+)");
                    Matcher unread = at.command("AT+MIPRD=" + CONNECT_ID, "\\+MIPRD: " + CONNECT_ID + ",(\\d+)");
                    assertThat(Long.parseLong(sack.group(4)) - Long.parseLong(unread.group(1)))
                            .as("the module's own count of what it handed over").isEqualTo(BURST);
                }

                SingleConnectionDataSource db = new SingleConnectionDataSource(
                        "jdbc:h2:file:" + h2 + ";AUTO_SERVER=FALSE", "sa", "", true);
                try {
                    JdbcTemplate jdbc = new JdbcTemplate(db);
                    assertConnectionHistory(jdbc, BURST);
                    assertJobLogUpToTheBound(jdbc, killedRun, killedAt);
                    assertLastEventsOfTheCleanStop(jdbc, stopLog);
                } finally {
                    db.destroy();
                }
            }
        }
    }

    /** Waits for a condition while the gateway runs; a gateway that exits fails the test with its log. */
    private static void whileAlive(GatewayProcess gateway, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(WAIT).failFast(() -> !gateway.alive()).until(condition);
        } catch (org.awaitility.core.TerminalFailureException | org.awaitility.core.ConditionTimeoutException e) {
            String log = gateway.output();
            throw new AssertionError("gateway " + (gateway.alive() ? "still waiting" : "exited") + "; its log ends:\n"
                    + log.substring(Math.max(0, log.length() - 6000)), e);
        }
    }

    private static void assertConnectionHistory(JdbcTemplate jdbc, long handedOver) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT generation, closed_at, close_reason,"
                + " received_bytes, lost_unread_bytes, lost_unaccounted_bytes FROM connection_record"
                + " WHERE box_id = ? AND module_id = ? AND connect_id = ? ORDER BY generation",
                GatewayProcess.BOX, GatewayProcess.MODULE, CONNECT_ID);
        assertThat(rows).as("one row per lifetime: adopted by the first run, adopted again after the kill")
                .extracting(r -> ((Number) r.get("GENERATION")).longValue()).containsExactly(1L, 2L);
        Map<String, Object> killed = rows.get(0);
        Map<String, Object> adopted = rows.get(1);
        assertThat(killed.get("CLOSED_AT")).as("the killed run's row is closed").isNotNull();
        assertThat(killed.get("CLOSE_REASON")).isEqualTo(PreviousRun.CRASHED_REASON);
        assertThat(adopted.get("CLOSED_AT")).as("the stopped run left it open on the module").isNull();
        assertThat(jdbc.queryForList("SELECT reason FROM connection_transition WHERE box_id = ? AND module_id = ?"
                        + " AND connect_id = ? AND generation = 2 ORDER BY changed_at, id", String.class,
                GatewayProcess.BOX, GatewayProcess.MODULE, CONNECT_ID))
                .first().isEqualTo("adopted from the module");

        long unread = ((Number) killed.get("LOST_UNREAD_BYTES")).longValue();
        Number unaccounted = (Number) killed.get("LOST_UNACCOUNTED_BYTES");
        long receivedAfter = ((Number) adopted.get("RECEIVED_BYTES")).longValue();
        assertThat(unaccounted).as("TCP on an ML307R: the module tells what it handed over").isNotNull();
        assertThat(unread + unaccounted.longValue()).as("the killed run received bytes no client read").isPositive();
        assertThat(unread + unaccounted.longValue() + receivedAfter)
                .as("every byte the module handed over was received after the restart or recorded as lost"
                        + " (unread %d, unaccounted %d, received after %d)", unread, unaccounted, receivedAfter)
                .isEqualTo(handedOver);
    }

    private static void assertJobLogUpToTheBound(JdbcTemplate jdbc, TappedModule.Attachment killedRun,
                                                 Instant killedAt) {
        List<Instant> logged = jdbc.queryForList("SELECT finished_at FROM at_job WHERE box_id = ? AND module_id = ?"
                        + " AND command = 'AT+MIPSACK' AND finished_at < ?", OffsetDateTime.class,
                GatewayProcess.BOX, GatewayProcess.MODULE, Timestamp.from(killedAt))
                .stream().map(OffsetDateTime::toInstant).toList();
        Instant bound = killedAt.minus(JOB_LOG_BOUND);
        long answeredBeforeTheBound = killedRun.sackAnswers.stream().filter(t -> t.isBefore(bound)).count();
        assertThat(answeredBeforeTheBound).as("the sampler ran during the burst").isPositive();
        assertThat(logged.stream().filter(t -> t.isBefore(bound)).count())
                .as("AT+MIPSACK jobs that finished more than %s before the kill are all in the job log", JOB_LOG_BOUND)
                .isGreaterThanOrEqualTo(answeredBeforeTheBound);
        assertThat(logged.size()).as("no job logged that the module never answered")
                .isLessThanOrEqualTo(killedRun.sackAnswers.size());
    }

    private static void assertLastEventsOfTheCleanStop(JdbcTemplate jdbc, String stopLog) {
        Map<String, Object> last = jdbc.queryForList("SELECT to_status, reason FROM module_status_change"
                + " WHERE box_id = ? AND module_id = ? ORDER BY changed_at DESC, id DESC", GatewayProcess.BOX,
                GatewayProcess.MODULE).getFirst();
        assertThat(last.get("TO_STATUS")).as("the worker's last event, published while stopping").isEqualTo("STOPPED");
        assertThat(last.get("REASON")).isEqualTo("gateway stopping");
        assertThat(stopLog).doesNotContain("Database is already closed").doesNotContain("store write failed")
                .contains("store writer stopped: queue flushed");
    }

    private static void send(Socket peer, int total) {
        byte[] burst = new byte[total];
        new Random(16).nextBytes(burst);
        try {
            OutputStream out = peer.getOutputStream();
            for (int offset = 0; offset < total; offset += 1024) {
                out.write(burst, offset, Math.min(1024, total - offset));
            }
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("peer could not send its burst", e);
        }
    }
}
