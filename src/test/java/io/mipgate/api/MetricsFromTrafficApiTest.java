package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.metrics.PrometheusText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The metrics of a real session: a worker drives a virtual module through open, send, read and close, and the
 * Prometheus scrape moves by exactly what happened — bytes sent and received on that connect_id, one AT+MIPOPEN and
 * one AT+MIPCLOSE, one transition into CONNECTED and one into CLOSED.
 */
class MetricsFromTrafficApiTest extends ApiTestBase {

    private static final String MODULE = "emu-ml307r";

    @Test
    void aSessionMovesEachCounterByWhatHappened() {
        PrometheusText before = scrape();
        byte[] text = "hello metrics".getBytes(StandardCharsets.US_ASCII);
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        int total = text.length + binary.length;

        int id = openEcho(ML307R, 0);
        String connection = ML307R + "/connections/" + id;
        assertThat(post(connection + "/send", OPERATOR, "{\"data\":\"hello metrics\"}").json().path("accepted")
                .asInt()).isEqualTo(text.length);
        assertThat(send("POST", connection + "/send", OPERATOR, "application/octet-stream", binary, null).json()
                .path("accepted").asInt()).isEqualTo(binary.length);
        byte[] echoed = readAll(ML307R, id, total);
        assertThat(echoed).hasSize(total);
        assertThat(delete(connection, OPERATOR).status()).isEqualTo(200);

        String cid = Integer.toString(id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            PrometheusText after = scrape();
            assertThat(delta(before, after, "mipgate_link_sent_bytes_total", "module", MODULE, "connect_id", cid,
                    "protocol", "TCP")).as("bytes sent").isEqualTo(total);
            assertThat(delta(before, after, "mipgate_link_received_bytes_total", "module", MODULE, "connect_id", cid,
                    "protocol", "TCP")).as("bytes received").isEqualTo(total);
            assertThat(delta(before, after, "mipgate_at_command_duration_seconds_count", "module", MODULE,
                    "command", "AT+MIPOPEN", "outcome", "OK")).as("opens").isEqualTo(1);
            assertThat(delta(before, after, "mipgate_at_command_duration_seconds_count", "module", MODULE,
                    "command", "AT+MIPCLOSE", "outcome", "OK")).as("closes").isEqualTo(1);
            assertThat(delta(before, after, "mipgate_at_command_duration_seconds_count", "module", MODULE,
                    "command", "AT+MIPSEND", "outcome", "OK")).as("sends").isPositive();
            assertThat(delta(before, after, "mipgate_connection_transitions_total", "module", MODULE,
                    "connect_id", cid, "state", "CONNECTED")).as("into CONNECTED").isEqualTo(1);
            assertThat(delta(before, after, "mipgate_connection_transitions_total", "module", MODULE,
                    "connect_id", cid, "state", "CLOSED")).as("into CLOSED").isEqualTo(1);
            assertThat(delta(before, after, "mipgate_at_cme_errors_total", "module", MODULE)).as("CME errors")
                    .isZero();
        });
    }

    private PrometheusText scrape() {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + METRICS).build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return PrometheusText.parse(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How much the sum of every series of {@code name} with these labels grew (absent series count as 0). */
    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return sum(after, name, labels) - sum(before, name, labels);
    }

    private static double sum(PrometheusText scrape, String name, String... labels) {
        return scrape.samples(name).stream().filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).mapToDouble(PrometheusText.Sample::value).sum();
    }
}
