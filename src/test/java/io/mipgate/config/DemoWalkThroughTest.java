package io.mipgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.MipgateApplication;
import io.mipgate.testsupport.RequiredFacility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo as shipped, walked through as README.md's "Walk-through with curl" does it: the application started the
 * way {@code ./mvnw spring-boot:run} starts it (the default profile "demo" and its configuration: virtual modules
 * behind the pseudo-terminals /tmp/mipgate/ttyEMU0 and ttyEMU1 opened with jSerialComm, the echo service on 7007, the
 * DNS zone on 15353, SNTP on 10123), the ADMIN key taken from the start-up log as a reader copies it, then every
 * curl of the walk-through sent over HTTP with its answer checked. Only the HTTP port (random, instead of 8080) and
 * the H2 file's directory differ.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DemoWalkThroughTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern PRINTED_KEY = Pattern.compile("export MIPGATE_KEY=(mipdemo_[A-Za-z0-9_-]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    private ConfigurableApplicationContext demo;
    private String api;
    private String key;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void readmeWalkThroughAgainstTheShippedDemo(CapturedOutput output) throws Exception {
        RequiredFacility.requirePseudoTerminals();
        // the test classpath makes "test" the default profile; spring-boot:run has "demo", the shipped default
        demo = new SpringApplicationBuilder(MipgateApplication.class).run(
                "--spring.profiles.default=demo",
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("mipgate") + ";AUTO_SERVER=FALSE");
        assertThat(demo.getEnvironment().getActiveProfiles()).isEmpty();
        assertThat(demo.getEnvironment().getDefaultProfiles()).containsExactly("demo");
        api = "http://localhost:" + demo.getEnvironment().getProperty("local.server.port") + "/api/v1";
        Matcher printed = PRINTED_KEY.matcher(output.getOut() + output.getErr());
        assertThat(printed.find()).as("the start-up log prints the export line of the generated key").isTrue();
        key = printed.group(1);
        String m = api + "/modules/emu-ml307r";
        String n = api + "/modules/emu-mn316";

        // the fleet: both virtual modules UP, each behind its pseudo-terminal
        await().atMost(WAIT).until(() -> statuses().equals(List.of("UP", "UP")));
        JsonNode fleet = call("GET", api + "/modules", null, null, null).json();
        assertThat(fleet.findValuesAsString("id")).containsExactlyInAnyOrder("emu-ml307r", "emu-mn316");
        for (String tty : List.of("/tmp/mipgate/ttyEMU0", "/tmp/mipgate/ttyEMU1")) {
            assertThat(Files.readSymbolicLink(Path.of(tty)).toString()).as(tty).startsWith("/dev/pts/");
        }
        assertThat(fleet.findValuesAsString("link")).allSatisfy(link -> assertThat(link).contains("/tmp/mipgate/ttyEMU"));
        assertThat(fleet.findValuesAsString("model")).containsExactlyInAnyOrder("ML307R", "MN316");

        List<String> events = new CopyOnWriteArrayList<>();
        HTTP.sendAsync(request("GET", m + "/events", null, null, null).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(events::add));

        // open TCP to the echo service; 201 + Location
        Reply opened = call("POST", m + "/connections", "application/json",
                "{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":7007,\"connectId\":0}", null);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        assertThat(opened.header("Location")).endsWith("/api/v1/modules/emu-ml307r/connections/0");
        assertThat(opened.json().path("state").asString()).isEqualTo("CONNECTED");

        // send as JSON and as raw bytes
        Reply json = call("POST", m + "/connections/0/send", "application/json", "{\"data\":\"hello\"}", null);
        assertThat(json.status()).as(json.text()).isEqualTo(200);
        assertThat(json.json().path("accepted").asLong()).isEqualTo(5);
        byte[] raw = "raw\0bytes".getBytes(StandardCharsets.ISO_8859_1);
        Reply binary = send("POST", m + "/connections/0/send", "application/octet-stream", raw, null);
        assertThat(binary.status()).as(binary.text()).isEqualTo(200);
        assertThat(binary.json().path("accepted").asLong()).isEqualTo(raw.length);

        // read what came back, once both echoes are buffered: five bytes as JSON, the rest raw; each byte once
        await().atMost(WAIT).until(() -> call("GET", m + "/connections/0", null, null, null).json()
                .path("bufferedBytes").asInt() == 5 + raw.length);
        JsonNode first = call("GET", m + "/connections/0/data?max=5", null, null, null).json();
        assertThat(first.path("length").asInt()).isEqualTo(5);
        assertThat(Base64.getDecoder().decode(first.path("data").asString()))
                .isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
        Reply rest = call("GET", m + "/connections/0/data", null, null, "application/octet-stream");
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.raw().body()).isEqualTo(raw);
        assertThat(call("GET", m + "/connections/0/data", null, null, "application/octet-stream").raw().body())
                .as("nothing is delivered twice").isEmpty();
        JsonNode confirmed = call("GET", m + "/connections/0/data?from=14", null, null, null).json();
        assertThat(confirmed.path("offset").asInt()).as("a confirmed read from where the reads ended").isEqualTo(14);
        assertThat(confirmed.path("length").asInt()).isZero();

        // ACK state and the reconciled connection
        JsonNode sack = call("GET", m + "/connections/0/sack", null, null, null).json();
        assertThat(sack.path("sent").asLong()).isEqualTo(5 + raw.length);
        await().atMost(WAIT).until(() -> call("GET", m + "/connections/0/sack", null, null, null).json()
                .path("acked").asLong() == 5 + raw.length);
        JsonNode connection = call("GET", m + "/connections/0", null, null, null).json();
        assertThat(connection.path("state").asString()).isEqualTo("CONNECTED");
        assertThat(connection.path("remotePort").asInt()).isEqualTo(7007);

        // close
        Reply closed = call("DELETE", m + "/connections/0", null, null, null);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().path("connection").path("state").asString()).isIn("CLOSED", "INITIAL");

        // ping, DNS and NTP through the module
        JsonNode ping = call("POST", m + "/ping", "application/json", "{\"host\":\"127.0.0.1\",\"count\":2}", null)
                .json();
        assertThat(ping.path("echoes").size()).isEqualTo(2);
        assertThat(ping.path("echoes").findValuesAsString("ip")).containsOnly("127.0.0.1");
        assertThat(ping.path("statistics").path("lost").asInt()).isZero();
        JsonNode dns = call("POST", m + "/dns", "application/json", "{\"domain\":\"echo.mipgate.demo\"}", null).json();
        assertThat(dns.path("addresses").toString()).contains("127.0.0.1");
        JsonNode ntp = call("POST", m + "/ntp", "application/json",
                "{\"server\":\"127.0.0.1\",\"port\":10123,\"sync\":false}", null).json();
        assertThat(ntp.path("succeeded").asBoolean()).as(ntp.toString()).isTrue();
        assertThat(moduleTime(ntp.path("time").asString())).as("the module's clock after SNTP")
                .isCloseTo(java.time.Instant.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));

        // the NB-IoT module: UDP to the demo's host name, packet buffer
        Reply udp = call("POST", n + "/connections", "application/json",
                "{\"protocol\":\"UDP\",\"host\":\"echo.mipgate.demo\",\"port\":7007,\"accessMode\":\"packetBuffer\"}",
                null);
        assertThat(udp.status()).as(udp.text()).isEqualTo(201);
        assertThat(udp.json().path("accessMode").asString()).isEqualTo("packetBuffer");

        // a long operation as a job: 202 + Location, then the job succeeds
        Reply async = call("POST", m + "/ping?async=true", "application/json",
                "{\"host\":\"127.0.0.1\",\"count\":10}", null);
        assertThat(async.status()).as(async.text()).isEqualTo(202);
        String job = "http://localhost:" + demo.getEnvironment().getProperty("local.server.port")
                + async.header("Location");
        assertThat(async.header("Location")).startsWith("/api/v1/jobs/");
        await().atMost(WAIT).until(() -> !call("GET", job, null, null, null).json().path("status").asString()
                .equals("PENDING"));
        assertThat(call("GET", job, null, null, null).json().path("status").asString()).isEqualTo("SUCCEEDED");

        // the event stream saw the connection open and close
        await().atMost(WAIT).until(() -> events.contains("event:connection-state") && events.contains("event:ping"));

        // the README's error example: sending on a connection that is not open
        Reply conflict = call("POST", m + "/connections/3/send", "application/json", "{\"data\":\"x\"}", null);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
        assertThat(conflict.json().path("type").asString()).isEqualTo("https://mipgate.io/problems/state-conflict");
        assertThat(conflict.json().path("detail").asString())
                .isEqualTo("send: connect_id 3 of module emu-ml307r is INITIAL (never opened)");

        // the start-up lines name the endpoints; an admin port moves the signal, and the status and its gauge follow
        assertThat(output.getOut()).contains("==== mipgate demo: echo service on 127.0.0.1:7007 (TCP) / 7007 (UDP),"
                        + " DNS zone echo.mipgate.demo on 127.0.0.1:15353, SNTP on 127.0.0.1:10123 ====")
                .contains("  module emu-ml307r: /tmp/mipgate/ttyEMU0, admin commands: printf 'help\\nquit\\n'"
                        + " | nc 127.0.0.1 7101")
                .contains("  module emu-mn316: /tmp/mipgate/ttyEMU1, admin commands: printf 'help\\nquit\\n'"
                        + " | nc 127.0.0.1 7102");
        assertThat(admin(7101, "signal -107")).isEqualTo("ok");
        assertThat(call("POST", m + "/cellular/refresh", null, null, null).json().path("rssiDbm").asInt())
                .isEqualTo(-107);
        assertThat(call("GET", api.replace("/api/v1", "/actuator/prometheus"), null, null, null).text())
                .containsPattern("mipgate_cellular_signal_rssi_dbm\\{box=\"[^\"]+\",module=\"emu-ml307r\"} -107.0");
        assertThat(admin(7101, "signal -71")).isEqualTo("ok");

        // API docs are public in the demo
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(api.replace("/api/v1", "/v3/api-docs"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    /** One line to an emulator admin port, as {@code printf '<line>\nquit\n' | nc 127.0.0.1 <port>} sends it. */
    private static String admin(int port, String line) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port);
             java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                     socket.getInputStream(), StandardCharsets.UTF_8))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((line + "\nquit\n").getBytes(StandardCharsets.UTF_8));
            return in.readLine();
        }
    }

    /** The module's clock as the API gives it: ISO-8601 with the module's offset. */
    private static java.time.Instant moduleTime(String time) {
        return java.time.OffsetDateTime.parse(time).toInstant();
    }

    private List<String> statuses() {
        return call("GET", api + "/modules", null, null, null).json().findValuesAsString("status");
    }

    record Reply(int status, HttpResponse<byte[]> raw) {
        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private Reply call(String method, String url, String contentType, String body, String accept) {
        return send(method, url, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), accept);
    }

    private HttpRequest.Builder request(String method, String url, String contentType, byte[] body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("X-API-Key", key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return request;
    }

    private Reply send(String method, String url, String contentType, byte[] body, String accept) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request(method, url, contentType, body, accept).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
