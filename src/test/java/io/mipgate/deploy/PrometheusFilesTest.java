package io.mipgate.deploy;

import static io.mipgate.deploy.DeployTool.PROMTOOL;
import static io.mipgate.deploy.DeployTool.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Prometheus configuration, alerting rules and their unit tests pass promtool. */
class PrometheusFilesTest {

    static final Path CONFIG = Path.of("deploy/prometheus/prometheus.yml");
    static final Path RULES = Path.of("deploy/prometheus/rules/mipgate.rules.yml");

    @Test
    void configIsValidAndLoadsTheRules() throws Exception {
        String out = PROMTOOL.check("check", "config", CONFIG.toString());
        assertThat(out).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void rulesAreValid() throws Exception {
        assertThat(PROMTOOL.check("check", "rules", RULES.toString())).contains("SUCCESS");
    }

    @Test
    void alertsFireOnTheSeriesTheyAreAbout() throws Exception {
        assertThat(PROMTOOL.check("test", "rules", "deploy/prometheus/tests/mipgate.rules.test.yml"))
                .contains("SUCCESS");
    }

    @Test
    void theChartShipsTheSameRulesAndDashboard() throws Exception {
        assertThat(Files.readString(ROOT.resolve("helm/mipgate/files/mipgate.rules.yml")))
                .isEqualTo(Files.readString(ROOT.resolve(RULES)));
        assertThat(Files.readString(ROOT.resolve("helm/mipgate/files/mipgate-fleet.json")))
                .isEqualTo(Files.readString(ROOT.resolve("deploy/grafana/dashboards/mipgate-fleet.json")));
    }
}
