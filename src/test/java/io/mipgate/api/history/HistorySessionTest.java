package io.mipgate.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.metrics.PrometheusText;
import io.mipgate.module.ConnectionSnapshot;
import io.mipgate.module.ConnectionState;
import io.mipgate.module.JobOutcome;
import io.mipgate.module.ModuleStatus;
import io.mipgate.module.SackSample;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEvent.ConnectionChanged;
import io.mipgate.module.event.ModuleEvent.DataDropped;
import io.mipgate.module.event.ModuleEvent.DropSource;
import io.mipgate.module.event.ModuleEvent.JobFinished;
import io.mipgate.module.event.ModuleEvent.PingEcho;
import io.mipgate.store.StoreWriteQueue;
import io.mipgate.testsupport.ScriptedModuleDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A module session told through worker events (the fake directory stands in for the worker): the history rows, the
 * history endpoints, the scraped Prometheus metrics and the health contributors all tell the same story.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:history-session;DB_CLOSE_DELAY=-1",
        "mipgate.box-id=box-session",
        "mipgate.metrics.snapshot-max-age=0s",
        "mipgate.store.batch-linger=10ms",
        "mipgate.security.api-keys[0].name=history-viewer",
        // sha256 of "history-viewer-key"
        "mipgate.security.api-keys[0].hash={sha256}" + HistorySessionTest.KEY_SHA256,
        "mipgate.security.api-keys[0].role=ADMIN"})
@Import(ScriptedModuleDirectory.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistorySessionTest {

    static final String KEY = "history-viewer-key";
    static final String KEY_SHA256 = "c6293720fa505d6dede749c726226fef010e865988e7e8ee55e3e90fd8ddb31e";
    static final String M0 = "gw1-m0";
    static final String M1 = "gw1-m1";
    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));

    @LocalServerPort int port;
    @Autowired ScriptedModuleDirectory directory;
    @Autowired JdbcTemplate jdbc;
    @Autowired StoreWriteQueue storeQueue;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void playSession() {
        SackSample lastSack = new SackSample(T0.plusSeconds(70), 300, 250, 50, 120);
        directory.put(ScriptedModuleDirectory.module(M0, ModuleStatus.UP, List.of(
                new ConnectionSnapshot(0, 1, ConnectionState.CONNECTED, "connected", Protocol.TCP, "127.0.0.1", 7000,
                        AccessMode.STREAM_BUFFER, T0, 12, 10, 200, 50, lastSack))));
        directory.put(ScriptedModuleDirectory.module(M1, ModuleStatus.DOWN, List.of()));

        publish(new ModuleEvent.StatusChanged(M0, T0, ModuleStatus.STARTING, ModuleStatus.UP, "init done"),
                new ModuleEvent.Identified(M0, T0, "ML307R", "ML307R-1.2", "861234567890123"),
                new ModuleEvent.StatusChanged(M1, T0, ModuleStatus.STARTING, ModuleStatus.DOWN, "no answer"),
                change(ConnectionState.INITIAL, ConnectionState.CONNECTING, "open", 1),
                change(ConnectionState.CONNECTING, ConnectionState.CONNECTED, "connected", 2),
                new ModuleEvent.DataSent(M0, T0.plusSeconds(3), 0, Protocol.TCP, 100),
                new ModuleEvent.DataSent(M0, T0.plusSeconds(4), 0, Protocol.TCP, 100),
                new ModuleEvent.DataReceived(M0, T0.plusSeconds(5), 0, Protocol.TCP, 50),
                new ModuleEvent.Acked(M0, T0.plusSeconds(6), 0, 100),
                new ModuleEvent.SackSampled(M0, T0.plusSeconds(10), 0, Protocol.TCP, 100, 50, 50, 20),
                new ModuleEvent.SackSampled(M0, T0.plusSeconds(40), 0, Protocol.TCP, 200, 200, 0, 50),
                new ModuleEvent.SackSampled(M0, T0.plusSeconds(70), 0, Protocol.TCP, 300, 250, 50, 120),
                new DataDropped(M0, T0.plusSeconds(8), 0, 7, DropSource.MODULE),
                new DataDropped(M0, T0.plusSeconds(9), 0, 3, DropSource.GATEWAY),
                new ModuleEvent.UrcSeen(M0, T0.plusSeconds(5), "rtcp"),
                new ModuleEvent.UrcSeen(M0, T0.plusSeconds(6), "rtcp"),
                new ModuleEvent.UrcSeen(M0, T0.plusSeconds(7), "disconn"),
                job("AT+MIPOPEN", JobOutcome.OK, null, 1, 120),
                job("AT+MIPSEND", JobOutcome.OK, null, 3, 40),
                job("AT+MIPOPEN", JobOutcome.CME_ERROR, 557, 20, 2000),
                new ModuleEvent.JobRejected(M0, T0.plusSeconds(21), "AT+MIPSEND", "queue full"),
                new ModuleEvent.PingCompleted(M0, T0.plusSeconds(30), "127.0.0.1", List.of(
                        new PingEcho(0, "127.0.0.1", 32, 20, 64), new PingEcho(0, "127.0.0.1", 32, 30, 64),
                        new PingEcho(0, "127.0.0.1", 32, 40, 64), new PingEcho(1, null, null, null, null)),
                        4, 1, 20, 40, 30),
                new ModuleEvent.DnsResolved(M0, T0.plusSeconds(31), "localhost", List.of("127.0.0.1")),
                new ModuleEvent.NtpCompleted(M0, T0.plusSeconds(32), "127.0.0.1", 0, "26/01/01,00:00:32+32"),
                change(ConnectionState.CONNECTED, ConnectionState.CLOSED, "peer closed", 80),
                new ModuleEvent.LinkReconnected(M0, T0.plusSeconds(90), 1),
                new ModuleEvent.ModuleReset(M0, T0.plusSeconds(91), "+MATREADY"));

        await().atMost(Duration.ofSeconds(10)).until(() -> storeQueue.depth() == 0
                && count("connection_transition") == 3 && count("at_job") == 4 && count("ntp_result") == 1);
    }

    @Test
    void historyRowsAreWritten() {
        assertThat(count("sack_sample")).isEqualTo(3);
        assertThat(count("ping_result")).isEqualTo(1);
        assertThat(count("dns_result")).isEqualTo(1);
        assertThat(count("module_status_change")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM module_record WHERE box_id = 'box-session'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void connectionHistoryShowsTheLifetimeWithItsTransitions() throws Exception {
        JsonNode page = getJson("/api/v1/modules/gw1-m0/connections/0/history");
        assertThat(page.path("totalItems").asLong()).isEqualTo(1);
        JsonNode lifetime = page.path("items").get(0);
        assertThat(lifetime.path("generation").asLong()).isEqualTo(1);
        assertThat(lifetime.path("protocol").asString()).isEqualTo("TCP");
        assertThat(lifetime.path("remotePort").asInt()).isEqualTo(7000);
        assertThat(lifetime.path("closeReason").asString()).isEqualTo("peer closed");
        assertThat(Instant.parse(lifetime.path("closedAt").asString())).isEqualTo(T0.plusSeconds(80));
        assertThat(lifetime.path("transitions").size()).isEqualTo(3);
        assertThat(lifetime.path("transitions").get(2).path("to").asString()).isEqualTo("CLOSED");
        assertThat(lifetime.path("lostUnreadBytes").isNull()).as("nothing lost to a restart").isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                getJson("/api/v1/modules/gw1-m0/connections/0/history").path("items").get(0).path("receivedBytes")
                        .asLong()).as("the worker's counters, checkpointed onto the row").isEqualTo(50));
    }

    @Test
    void sackHistoryIsBucketed() throws Exception {
        JsonNode series = getJson("/api/v1/modules/gw1-m0/connections/0/sack/history?from=" + T0 + "&to="
                + T0.plusSeconds(120) + "&step=PT1M");
        JsonNode buckets = series.path("buckets");
        assertThat(buckets.size()).isEqualTo(2);
        assertThat(buckets.get(0).path("samples").asInt()).isEqualTo(2);
        assertThat(buckets.get(0).path("sent").asLong()).isEqualTo(200);
        assertThat(buckets.get(1).path("sent").asLong()).isEqualTo(300);
        assertThat(buckets.get(1).path("sentDelta").asLong()).isEqualTo(100);
        assertThat(buckets.get(1).path("receivedDelta").asLong()).isEqualTo(70);
        assertThat(series.path("step").asString()).isEqualTo("PT1M");
    }

    @Test
    void jobsArePagedAndFiltered() throws Exception {
        JsonNode all = getJson("/api/v1/modules/gw1-m0/jobs?size=3");
        assertThat(all.path("totalItems").asLong()).isEqualTo(4);
        assertThat(all.path("totalPages").asInt()).isEqualTo(2);
        assertThat(all.path("items").get(0).path("outcome").asString()).as("newest first").isEqualTo("CME_ERROR");

        JsonNode cme = getJson("/api/v1/modules/gw1-m0/jobs?outcome=cme_error&from=" + T0 + "&to="
                + T0.plusSeconds(60));
        assertThat(cme.path("totalItems").asLong()).isEqualTo(1);
        JsonNode job = cme.path("items").get(0);
        assertThat(job.path("cmeCode").asInt()).isEqualTo(557);
        assertThat(job.path("cmeName").asString()).isEqualTo("SOCKET_CONNECTION_REFUSED");
        assertThat(job.path("runMillis").asLong()).isEqualTo(2000);
    }

    @Test
    void pingHistoryHasTheRun() throws Exception {
        JsonNode page = getJson("/api/v1/modules/gw1-m0/ping/history");
        JsonNode ping = page.path("items").get(0);
        assertThat(ping.path("replies").asInt()).isEqualTo(3);
        assertThat(ping.path("lossRatio").asDouble()).isEqualTo(0.25);
        assertThat(ping.path("rttAvgMs").asInt()).isEqualTo(30);
    }

    @Test
    void unknownModulesAre404AndBadParameters400() throws Exception {
        assertThat(get("/api/v1/modules/nope/jobs").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/modules/gw1-m0/jobs?box=elsewhere").statusCode()).isEqualTo(404);
        for (String bad : List.of("/jobs?size=100000", "/jobs?page=-1", "/jobs?from=yesterday",
                "/jobs?outcome=MAYBE", "/jobs?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
                "/connections/9/history", "/connections/0/sack/history?step=PT0.001S",
                "/connections/0/sack/history?step=often",
                "/connections/0/sack/history?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&step=PT1S")) {
            assertThat(get("/api/v1/modules/gw1-m0" + bad).statusCode()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void scrapedMetricsMatchTheSession() throws Exception {
        HttpResponse<String> scrape = get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        PrometheusText p = PrometheusText.parse(scrape.body());
        String[] c0 = {"module", M0, "connect_id", "0"};

        assertThat(p.value("mipgate_link_sent_bytes_total", "module", M0, "connect_id", "0", "protocol", "TCP"))
                .isEqualTo(200);
        assertThat(p.value("mipgate_link_received_bytes_total", "module", M0, "connect_id", "0", "protocol", "TCP"))
                .isEqualTo(50);
        assertThat(p.value("mipgate_link_acked_bytes_total", c0)).isEqualTo(100);
        assertThat(p.value("mipgate_link_dropped_bytes_total", "module", M0, "connect_id", "0", "source", "module"))
                .isEqualTo(7);
        assertThat(p.value("mipgate_link_dropped_bytes_total", "module", M0, "connect_id", "0", "source", "gateway"))
                .isEqualTo(3);
        assertThat(p.value("mipgate_link_sack_bytes", "module", M0, "connect_id", "0", "kind", "nack")).isEqualTo(50);
        assertThat(p.value("mipgate_link_sack_bytes", "module", M0, "connect_id", "0", "kind", "received"))
                .isEqualTo(120);

        assertThat(p.typeOf("mipgate_at_command_duration_seconds_bucket")).isEqualTo("histogram");
        assertThat(p.value("mipgate_at_command_duration_seconds_count", "module", M0, "command", "AT+MIPOPEN",
                "outcome", "OK")).isEqualTo(1);
        assertThat(p.value("mipgate_at_command_duration_seconds_bucket", "module", M0, "command", "AT+MIPOPEN",
                "outcome", "OK", "le", "0.25")).isEqualTo(1);
        assertThat(p.value("mipgate_at_command_duration_seconds_bucket", "module", M0, "command", "AT+MIPOPEN",
                "outcome", "OK", "le", "0.1")).isZero();
        assertThat(p.value("mipgate_at_command_duration_seconds_sum", "module", M0, "command", "AT+MIPOPEN",
                "outcome", "CME_ERROR")).isEqualTo(2.0);
        assertThat(p.value("mipgate_at_cme_errors_total", "module", M0, "code", "557", "name",
                "SOCKET_CONNECTION_REFUSED")).isEqualTo(1);
        assertThat(p.value("mipgate_at_jobs_rejected_total", "module", M0, "reason", "queue_full")).isEqualTo(1);
        assertThat(p.value("mipgate_urcs_total", "module", M0, "type", "rtcp")).isEqualTo(2);
        assertThat(p.value("mipgate_urcs_total", "module", M0, "type", "disconn")).isEqualTo(1);
        assertThat(p.value("mipgate_link_reconnects_total", "module", M0)).isEqualTo(1);
        assertThat(p.value("mipgate_module_resets_total", "module", M0)).isEqualTo(1);

        assertThat(p.value("mipgate_ping_rtt_seconds_count", "module", M0)).isEqualTo(3);
        assertThat(p.value("mipgate_ping_rtt_seconds_sum", "module", M0)).isCloseTo(0.09, within());
        assertThat(p.value("mipgate_ping_echoes_total", "module", M0, "result", "lost")).isEqualTo(1);
        assertThat(p.value("mipgate_ping_loss_ratio", "module", M0)).isEqualTo(0.25);

        assertThat(p.value("mipgate_module_up", "module", M0)).isEqualTo(1);
        assertThat(p.value("mipgate_module_up", "module", M1)).isZero();
        assertThat(p.value("mipgate_module_status", "module", M1, "status", "DOWN")).isEqualTo(1);
        assertThat(p.value("mipgate_module_status", "module", M1, "status", "UP")).isZero();
        assertThat(p.value("mipgate_connection_state", "module", M0, "connect_id", "0", "state", "CONNECTED"))
                .isEqualTo(1);
        assertThat(p.value("mipgate_connection_state", "module", M0, "connect_id", "0", "state", "CLOSED")).isZero();
        assertThat(p.value("mipgate_connection_state", "module", M0, "connect_id", "3", "state", "INITIAL"))
                .isEqualTo(1);
        assertThat(p.value("mipgate_connection_buffered_bytes", c0)).isEqualTo(12);
        assertThat(p.value("mipgate_job_queue_depth", "module", M0)).isEqualTo(2);

        assertThat(p.value("mipgate_store_queue_depth")).isZero();
        assertThat(p.value("mipgate_store_writes_dropped_total")).isZero();
        assertThat(p.value("mipgate_store_write_failures_total")).isZero();
        assertThat(p.value("mipgate_store_writes_total")).as("history events; byte counts and URCs are metrics only")
                .isEqualTo(16);

        assertThat(p.samples("mipgate_ping_rtt_seconds_count").get(0).labels()).doesNotContainKey("host");
    }

    @Test
    void healthHasAContributorPerModuleAndReadinessNeedsOneUp() throws Exception {
        HttpResponse<String> up = get("/actuator/health/module/gw1-m0");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(json.readTree(up.body()).path("details").path("status").asString()).isEqualTo("UP");
        HttpResponse<String> down = get("/actuator/health/module/gw1-m1");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json.readTree(down.body()).path("details").path("lastError").asString()).isEqualTo("link lost");

        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        try {
            directory.put(ScriptedModuleDirectory.module(M0, ModuleStatus.RECOVERING, List.of()));
            HttpResponse<String> notReady = get("/actuator/health/readiness");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(json.readTree(notReady.body()).path("components").path("modules").path("details")
                    .path("reason").asString()).isEqualTo("no module is UP");
        } finally {
            directory.put(ScriptedModuleDirectory.module(M0, ModuleStatus.UP, List.of()));
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE box_id = 'box-session'", Integer.class);
    }

    private void publish(ModuleEvent... events) {
        for (ModuleEvent event : events) {
            directory.publish(event);
        }
    }

    private static ConnectionChanged change(ConnectionState from, ConnectionState to, String reason, int second) {
        return new ConnectionChanged(M0, T0.plusSeconds(second), 0, 1, from, to, reason, Protocol.TCP, "127.0.0.1",
                7000, AccessMode.STREAM_BUFFER);
    }

    private static JobFinished job(String command, JobOutcome outcome, Integer cme, int second, int millis) {
        Instant start = T0.plusSeconds(second);
        return new JobFinished(M0, start.plusMillis(millis), command, outcome, cme, start.minusMillis(5), start,
                start.plusMillis(millis));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-API-Key", KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
