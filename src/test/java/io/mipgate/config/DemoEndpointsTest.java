package io.mipgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mipgate.MipgateApplication;
import io.mipgate.testsupport.RequiredFacility;
import io.mipgate.transport.pty.PseudoTerminal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second gateway on the box, or the remains of a killed one, do not stop the demo: ports another process holds (the
 * test holds them itself) fall back to free ones that every report shows and the virtual modules use, a dangling
 * pseudo-terminal link is replaced, and only a link a running gateway holds stops start-up, with one line.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DemoEndpointsTest {

    private static final String KEY = "test-admin-key-0123456789"; // the test profile's ADMIN key
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path ttys;

    private ConfigurableApplicationContext demo;
    private String base;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private static String[] demoWith(String module, String... more) {
        String[] common = {"--spring.profiles.active=test,demo", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:demo-endpoints;DB_CLOSE_DELAY=-1", "--mipgate.startup-wait=20s",
                "--mipgate.cellular.status-interval=0", "--mipgate.modules[0].id=emu-ml307r",
                "--mipgate.modules[0].port=" + module};
        String[] all = new String[common.length + more.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }

    @Test
    void takenPortsFallBackAndTheModulesFollowThem(CapturedOutput output) throws Exception {
        RequiredFacility.requirePseudoTerminals();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        Path tty = ttys.resolve("ttyEMU0");
        Files.createSymbolicLink(tty, Path.of("/dev/pts/999999")); // left by a killed gateway: its device is gone
        try (ServerSocket echo = new ServerSocket(0, 1, loopback);
             DatagramSocket dns = new DatagramSocket(new InetSocketAddress(loopback, 0));
             DatagramSocket ntp = new DatagramSocket(new InetSocketAddress(loopback, 0));
             ServerSocket admin = new ServerSocket(0, 1, loopback)) {
            demo = SpringApplication.run(MipgateApplication.class, demoWith(
                    "emulator:ML307R?pty=" + tty + "&admin=" + admin.getLocalPort(),
                    "--mipgate.demo.echo-port=" + echo.getLocalPort(), "--mipgate.demo.dns-port=" + dns.getLocalPort(),
                    "--mipgate.demo.ntp-port=" + ntp.getLocalPort()));
            base = "http://localhost:" + demo.getEnvironment().getProperty("local.server.port");

            String log = output.getOut();
            assertThat(log).contains("demo TCP echo service: port " + echo.getLocalPort() + " is taken; listening on")
                    .contains("demo DNS zone: port " + dns.getLocalPort() + " is taken; listening on")
                    .contains("demo SNTP server: port " + ntp.getLocalPort() + " is taken; listening on")
                    .contains("emulator admin port " + admin.getLocalPort() + " is taken; admin commands on");
            JsonNode info = get("/actuator/info").path("demo");
            int echoPort = port(info.path("echoTcp").asString());
            assertThat(echoPort).isNotEqualTo(echo.getLocalPort());
            assertThat(port(info.path("echoUdp").asString())).as("one number for both").isEqualTo(echoPort);
            assertThat(port(info.path("dns").asString())).isNotEqualTo(dns.getLocalPort());
            assertThat(port(info.path("ntp").asString())).isNotEqualTo(ntp.getLocalPort());
            JsonNode module = info.path("modules").path(0);
            assertThat(module.path("device").asString()).isEqualTo(tty.toString());
            int adminPort = port(module.path("admin").asString());
            assertThat(adminPort).isNotEqualTo(admin.getLocalPort());
            assertThat(log).contains("listening on 127.0.0.1:" + echoPort + " instead")
                    .contains("module emu-ml307r: " + tty + ", admin commands: printf 'help\\nquit\\n' | nc 127.0.0.1 "
                            + adminPort);

            assertThat(Files.readSymbolicLink(tty).toString()).as("the dangling link was replaced")
                    .startsWith("/dev/pts/").isNotEqualTo("/dev/pts/999999");
            await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/modules/emu-ml307r").path("status")
                    .asString().equals("UP"));
            long started = System.nanoTime();
            JsonNode resolved = post("/api/v1/modules/emu-ml307r/dns", "{\"domain\":\"echo.mipgate.demo\"}");
            assertThat(resolved.path("addresses").toString()).as("the module asks the zone's fallback port")
                    .contains("127.0.0.1");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(adminCommand(adminPort, "signal -107")).isEqualTo("ok");
        }
    }

    @Test
    void aTerminalNameARunningGatewayHoldsStopsStartUpWithOneLine(CapturedOutput output) throws Exception {
        RequiredFacility.requirePseudoTerminals();
        Path tty = ttys.resolve("ttyEMU0");
        try (PseudoTerminal held = PseudoTerminal.open(tty)) { // ours: its owner (this JVM) runs
            assertThatThrownBy(() -> SpringApplication.run(MipgateApplication.class,
                    demoWith("emulator:ML307R?pty=" + tty)).close()).isInstanceOf(Exception.class);
            assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                    .contains("Serial device busy: " + tty + " already links to " + held.slavePath()
                            + ", a device another gateway or emulator has open.");
            assertThat(Files.readSymbolicLink(tty)).as("left to its owner").isEqualTo(held.slavePath());
        }
    }

    private static int port(String endpoint) {
        assertThat(endpoint).startsWith("127.0.0.1:");
        return Integer.parseInt(endpoint.substring(endpoint.indexOf(':') + 1));
    }

    private static String adminCommand(int port, String command) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                     StandardCharsets.UTF_8))) {
            socket.setSoTimeout(10_000);
            out.println(command);
            return in.readLine();
        }
    }

    private JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private JsonNode post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.header("X-API-Key", KEY).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
