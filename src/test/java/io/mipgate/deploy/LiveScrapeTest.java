package io.mipgate.deploy;

import static io.mipgate.deploy.DeployTool.PROMTOOL;
import static io.mipgate.deploy.DeployTool.ROOT;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The gateway as the stack runs it — actuator on a separate management port, as in the image — scraped after a module
 * session: the exposition passes {@code promtool check metrics}, every series carries {@code box}, and every metric
 * the Grafana dashboard and the alerting rules query exists in the scrape under exactly that name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "spring.datasource.url=jdbc:h2:mem:deploy-scrape;DB_CLOSE_DELAY=-1",
        "mipgate.box-id=box-scrape",
        "mipgate.metrics.snapshot-max-age=0s",
        "mipgate.store.batch-linger=10ms"})
@Import(ScriptedModuleDirectory.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveScrapeTest {

    static final String M0 = "box-m0";
    static final Instant T0 = Instant.now().minusSeconds(600);
    static final Pattern METRIC = Pattern.compile("mipgate_[a-z_]+");

    @org.springframework.boot.test.web.server.LocalManagementPort int managementPort;
    @Autowired ScriptedModuleDirectory directory;
    @Autowired StoreWriteQueue storeQueue;

    String scrape;

    @BeforeAll
    void playSessionAndScrape() throws Exception {
        directory.put(ScriptedModuleDirectory.module(M0, ModuleStatus.UP, List.of(new ConnectionSnapshot(0, 1,
                ConnectionState.CONNECTED, "connected", Protocol.TCP, "127.0.0.1", 7000, AccessMode.NORMAL, T0, 12,
                10, 200, 50, new SackSample(T0.plusSeconds(70), 300, 250, 50, 120)))));
        List<ModuleEvent> session = List.of(
                new ModuleEvent.StatusChanged(M0, T0, ModuleStatus.STARTING, ModuleStatus.UP, "init done"),
                change(ConnectionState.INITIAL, ConnectionState.CONNECTING, 1),
                change(ConnectionState.CONNECTING, ConnectionState.CONNECTED, 2),
                new ModuleEvent.DataSent(M0, T0.plusSeconds(3), 0, Protocol.TCP, 100),
                new ModuleEvent.DataReceived(M0, T0.plusSeconds(4), 0, Protocol.TCP, 50),
                new ModuleEvent.Acked(M0, T0.plusSeconds(5), 0, 100),
                new ModuleEvent.SackSampled(M0, T0.plusSeconds(6), 0, Protocol.TCP, 100, 100, 0, 20),
                new DataDropped(M0, T0.plusSeconds(7), 0, 3, DropSource.GATEWAY),
                new ModuleEvent.UrcSeen(M0, T0.plusSeconds(8), "rtcp"),
                job("AT+MIPSEND", JobOutcome.OK, null),
                job("AT+MIPOPEN", JobOutcome.CME_ERROR, 557),
                new ModuleEvent.JobRejected(M0, T0.plusSeconds(21), "AT+MIPSEND", "queue full"),
                new ModuleEvent.GarbageDiscarded(M0, T0.plusSeconds(22), 5, "overlong line"),
                new ModuleEvent.PingCompleted(M0, T0.plusSeconds(30), "127.0.0.1", List.of(
                        new PingEcho(0, "127.0.0.1", 32, 20, 64), new PingEcho(1, null, null, null, null)),
                        2, 1, 20, 20, 20),
                new ModuleEvent.DnsResolved(M0, T0.plusSeconds(31), "localhost", List.of("127.0.0.1")),
                new ModuleEvent.NtpCompleted(M0, T0.plusSeconds(32), "127.0.0.1", 0, "26/01/01,00:00:32+32"),
                new ModuleEvent.LinkReconnected(M0, T0.plusSeconds(90), 1),
                new ModuleEvent.ModuleReset(M0, T0.plusSeconds(91), "+MATREADY"));
        session.forEach(directory::publish);
        await().atMost(Duration.ofSeconds(10)).until(() -> storeQueue.depth() == 0
                && scrape().contains("mipgate_store_writes_total{"));
        scrape = scrape();
        PrometheusText.parse(scrape); // strict: every line well-formed, every sample typed
    }

    @Test
    void promtoolAcceptsTheExposition() throws Exception {
        DeployTool.Run run = PROMTOOL.run(scrape, Map.of(), "check", "metrics");
        // exit 3: lint findings only (naming advice); 1: the exposition does not parse
        assertThat(run.exitCode()).as("promtool check metrics:%n%s", run.output()).isIn(0, 3);
        assertThat(run.output()).as("promtool findings on mipgate's own metrics")
                .doesNotContainPattern("(?m)^mipgate_\\S* ");
    }

    @Test
    void everyMipgateSeriesCarriesTheBox() {
        List<String> mipgate = sampleLines().filter(line -> line.startsWith("mipgate_")).toList();
        assertThat(mipgate).hasSizeGreaterThan(50).allSatisfy(line -> assertThat(line).contains("box=\"box-scrape\""));
    }

    @Test
    void theDashboardQueriesOnlyMetricsThatExist() throws Exception {
        assertReferencedMetricsExist(Path.of("deploy/grafana/dashboards/mipgate-fleet.json"));
    }

    @Test
    void theAlertingRulesQueryOnlyMetricsThatExist() throws Exception {
        assertReferencedMetricsExist(Path.of("deploy/prometheus/rules/mipgate.rules.yml"));
    }

    private void assertReferencedMetricsExist(Path file) throws Exception {
        Set<String> referenced = new TreeSet<>();
        Matcher m = METRIC.matcher(Files.readString(ROOT.resolve(file)));
        while (m.find()) {
            referenced.add(m.group());
        }
        Set<String> scraped = sampleLines().map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(referenced).as("metrics in %s", file).hasSizeGreaterThan(5);
        assertThat(scraped).as("series names in the scrape, for %s", file).containsAll(referenced);
    }

    private java.util.stream.Stream<String> sampleLines() {
        return scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"));
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("scrape on the management port, no credentials").isEqualTo(200);
        return response.body();
    }

    private static ConnectionChanged change(ConnectionState from, ConnectionState to, int second) {
        return new ConnectionChanged(M0, T0.plusSeconds(second), 0, 1, from, to, to.name(), Protocol.TCP,
                "127.0.0.1", 7000, AccessMode.NORMAL);
    }

    private static JobFinished job(String command, JobOutcome outcome, Integer cme) {
        Instant start = T0.plusSeconds(10);
        return new JobFinished(M0, start.plusMillis(40), command, outcome, cme, start.minusMillis(5), start,
                start.plusMillis(40));
    }
}
