package io.mipgate.deploy;

import static io.mipgate.deploy.DeployTool.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.metrics.PrometheusText;
import io.mipgate.module.DeviceManager;
import io.mipgate.module.ModuleStatus;
import io.mipgate.module.request.PingRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * A real gateway with virtual modules (and one that never comes up), scraped right after start-up, before any
 * client has done anything: every metric the shipped dashboard and alerting rules use is already there, and a real
 * Prometheus evaluating the shipped rules raises a module's job-rejection alert on its very first rejected job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "spring.datasource.url=jdbc:h2:mem:deploy-idle;DB_CLOSE_DELAY=-1",
        "mipgate.startup-wait=20s",
        "mipgate.modules[0].id=emu-ml307r", "mipgate.modules[0].port=emulator:ML307R",
        "mipgate.modules[1].id=emu-mn316", "mipgate.modules[1].port=emulator:MN316",
        "mipgate.modules[2].id=down", "mipgate.modules[2].port=tcp://127.0.0.1:1",
        "mipgate.modules[2].backoff-initial=2s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleGatewayScrapeTest {

    static final Pattern METRIC = Pattern.compile("mipgate_[a-z_]+");
    static final Path RULES = Path.of("deploy/prometheus/rules/mipgate.rules.yml");
    static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/mipgate-fleet.json");

    @org.springframework.boot.test.web.server.LocalManagementPort int managementPort;
    @Autowired DeviceManager devices;

    String scrape;

    @BeforeAll
    void scrapeRightAfterStartup() throws Exception {
        scrape = scrape();
        PrometheusText.parse(scrape);
    }

    @Test
    void everyMetricTheRulesAndTheDashboardUseIsInTheFirstScrape() throws Exception {
        Set<String> referenced = referenced(RULES);
        referenced.addAll(referenced(DASHBOARD));
        assertThat(referenced).hasSizeGreaterThan(30);
        Set<String> scraped = sampleNames(scrape);
        assertThat(referenced).as("names the rules and dashboard query, missing from an idle gateway's scrape")
                .allSatisfy(name -> assertThat(scraped).contains(name));
    }

    @Test
    void everyModuleHasItsCountersAtZeroBeforeAnyEvent() {
        for (String module : Set.of("emu-ml307r", "emu-mn316", "down")) {
            assertThat(scrape).contains("mipgate_at_jobs_rejected_total{box=")
                    .containsPattern("mipgate_at_jobs_rejected_total\\{[^}]*module=\"" + module
                            + "\",reason=\"module_unavailable\"[^}]*} 0\\.0")
                    .containsPattern("mipgate_connection_transitions_total\\{[^}]*connect_id=\"5\",[^}]*module=\""
                            + module + "\",state=\"CONNECTED\"[^}]*} 0\\.0")
                    .containsPattern("mipgate_link_sent_bytes_total\\{[^}]*connect_id=\"0\",[^}]*module=\""
                            + module + "\",protocol=\"UDP\"[^}]*} 0\\.0")
                    .containsPattern("mipgate_dns_lookups_total\\{[^}]*module=\"" + module + "\",result=\"failed\"");
        }
    }

    @Test
    void aModelWithoutAckStatusHasNoSackSampleAndNoSeriesReadsNan() throws Exception {
        String current = scrape();
        assertThat(current).contains("mipgate_link_sack_bytes{")
                .doesNotContainPattern("mipgate_link_sack_bytes\\{[^}]*module=\"emu-mn316\"")
                .doesNotContainPattern("(?m)^mipgate_link_sack_bytes\\{.*} NaN$")
                .containsPattern("mipgate_link_sack_bytes\\{[^}]*module=\"emu-ml307r\"[^}]*} 0\\.0");
    }

    @Test
    void aRealPrometheusRaisesTheAlertOnAModulesFirstRejectedJob() throws Exception {
        try (PrometheusServer prometheus = PrometheusServer.scraping("127.0.0.1:" + managementPort,
                ROOT.resolve(RULES))) {
            String rejected = "mipgate_at_jobs_rejected_total{module=\"down\",reason=\"module_unavailable\"}";
            await().atMost(Duration.ofSeconds(30)).until(() -> prometheus.query("count_over_time(" + rejected
                    + "[1m])").path(0).path("value").path(1).asString("0"), n -> Integer.parseInt(n) >= 2);
            assertThat(firing(prometheus.alerts())).as("alerts firing before any rejection").isEmpty();

            await().atMost(Duration.ofSeconds(20)).until(() -> devices.client("down").snapshot().status(),
                    status -> status != ModuleStatus.STARTING && status != ModuleStatus.UP);
            assertThat(devices.client("down").ping(new PingRequest("127.0.0.1", 1, 1, 32, null)))
                    .failsWithin(Duration.ofSeconds(5));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(firing(prometheus.alerts()))
                    .as("Prometheus log:%n%s", prometheus.log()).contains("MipgateJobsRejected/down"));
            assertThat(firing(prometheus.alerts())).as("only the module that rejected a job")
                    .containsOnly("MipgateJobsRejected/down");
        }
    }

    private static Set<String> firing(JsonNode alerts) {
        return StreamSupport.stream(alerts.spliterator(), false)
                .filter(a -> a.path("state").asString("").equals("firing"))
                .map(a -> a.path("labels").path("alertname").asString("") + "/"
                        + a.path("labels").path("module").asString(""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> referenced(Path file) throws Exception {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(Files.readString(ROOT.resolve(file)));
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static Set<String> sampleNames(String exposition) {
        return exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
