package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A session driven through the REST API against a virtual module leaves the history rows, the history endpoints and
 * the Prometheus metrics that tell what happened.
 */
class HistoryThroughApiTest extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSessionLeavesHistoryRowsAndMetrics() throws Exception {
        Reply opened = post(ML307R + "/connections", OPERATOR,
                "{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":" + ApiTestEnvironment.TCP_ECHO.port() + "}");
        assertThat(opened.status()).isEqualTo(201);
        int id = opened.json().path("connectId").asInt();
        long generation = opened.json().path("generation").asLong();
        String connection = ML307R + "/connections/" + id;

        assertThat(post(connection + "/send", OPERATOR, "{\"data\":\"0123456789\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> get(connection, VIEWER).json().path("bufferedBytes").asInt() == 10);
        assertThat(get(connection + "/data", OPERATOR).json().path("length").asInt()).isEqualTo(10);
        JsonNode sack = get(connection + "/sack", VIEWER).json();
        assertThat(sack.path("sent").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(send("DELETE", connection, OPERATOR, null, null, null).status()).isEqualTo(200);
        assertThat(post(ML307R + "/ping", OPERATOR, "{\"host\":\"127.0.0.1\",\"count\":2,\"timeoutSeconds\":5}").status())
                .isEqualTo(200);

        // the store writes off the worker's path, in batches: wait for them
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(jdbc.queryForList("SELECT close_reason FROM connection_record WHERE module_id = ? AND "
                    + "connect_id = ? AND generation = ?", String.class, "emu-ml307r", id, generation))
                    .containsExactly("closed by host");
            assertThat(jdbc.queryForList("SELECT command FROM at_job WHERE module_id = ?", String.class, "emu-ml307r"))
                    .contains("AT+MIPOPEN", "AT+MIPSEND", "AT+MIPSACK", "AT+MIPCLOSE", "AT+MPING");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sack_sample WHERE module_id = ? AND connect_id = ?",
                    Long.class, "emu-ml307r", id)).isPositive();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ping_result WHERE module_id = ?", Long.class,
                    "emu-ml307r")).isPositive();
        });
        assertThat(jdbc.queryForList("SELECT to_state FROM connection_transition WHERE module_id = ? AND connect_id = ? "
                + "AND generation = ? ORDER BY changed_at, id", String.class, "emu-ml307r", id, generation))
                .containsSubsequence("CONNECTING", "CONNECTED", "CLOSING", "CLOSED");

        JsonNode history = get(connection + "/history", VIEWER).json();
        assertThat(history.path("items").get(0).path("closeReason").asString()).isEqualTo("closed by host");
        assertThat(get(ML307R + "/jobs?outcome=OK", VIEWER).json().path("totalItems").asLong()).isPositive();
        assertThat(get(ML307R + "/ping/history", VIEWER).json().path("items")).isNotEmpty();

        String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + METRICS).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(sample(scrape, "mipgate_module_up", "module=\"emu-ml307r\"")).isEqualTo(1.0);
        assertThat(sample(scrape, "mipgate_link_sent_bytes_total", "module=\"emu-ml307r\"", "connect_id=\"" + id + "\"",
                "protocol=\"TCP\""))
                .isGreaterThanOrEqualTo(10.0);
        assertThat(sample(scrape, "mipgate_at_command_duration_seconds_count", "module=\"emu-ml307r\"",
                "command=\"AT+MIPOPEN\"", "outcome=\"OK\"")).isGreaterThanOrEqualTo(1.0);
        assertThat(sample(scrape, "mipgate_ping_echoes_total", "module=\"emu-ml307r\"", "result=\"reply\""))
                .isGreaterThanOrEqualTo(2.0);
    }

    /** The value of the first series of {@code metric} whose labels contain every one of {@code labels}. */
    private static double sample(String scrape, String metric, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)\\} (\\S+)").matcher(scrape);
        while (line.find()) {
            String found = line.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("no " + metric + " with " + String.join(",", labels));
    }
}
