package io.mipgate.deploy;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus on loopback that scrapes one target every second and evaluates the shipped alerting rules every
 * second, in a temporary directory that is deleted afterwards.
 */
final class PrometheusServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Path dir;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusServer(Process process, Path dir, URI base) {
        this.process = process;
        this.dir = dir;
        this.base = base;
    }

    static PrometheusServer scraping(String target, Path rules) throws IOException {
        Path binary = DeployTool.PROMETHEUS.require();
        Path dir = Files.createTempDirectory("mipgate-prometheus");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: mipgate
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ["%s"]
                """.formatted(rules.toAbsolutePath(), target));
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, dir, URI.create("http://127.0.0.1:" + port));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> server.get("/-/ready").contains("Ready"));
        return server;
    }

    /** The value vector of an instant query. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        JsonNode answer = JSON.readTree(get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
        return answer.path("data").path("result");
    }

    /** The alerts currently pending or firing. */
    JsonNode alerts() throws IOException, InterruptedException {
        return JSON.readTree(get("/api/v1/alerts")).path("data").path("alerts");
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("prometheus.log"));
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
