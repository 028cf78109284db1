package io.mipgate.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as the product runs it: a separate JVM started from the packaged jar, so its RSS, CPU time and JFR
 * recording are its own and not the harness's. {@link #containerFlags()} reads the container image's JVM flags from
 * the pom (Jib's {@code JAVA_TOOL_OPTIONS}) and adds the compose file's 512 MiB limit as the JVM's view of RAM.
 */
final class Gateway implements AutoCloseable {

    static final String API_KEY = "mipbench_" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    static final long CONTAINER_LIMIT_MIB = 512;

    final Process process;
    final int port;
    final Duration startup;
    final Path workDir;
    final HttpClient http;

    private Gateway(Process process, int port, Duration startup, Path workDir) {
        this.process = process;
        this.port = port;
        this.startup = startup;
        this.workDir = workDir;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Modules as {@code id -> port} pairs; an empty list with {@code demo} keeps the embedded default. */
    static Gateway start(String name, List<String> jvmFlags, List<String[]> modules, boolean demo, List<String> extra)
            throws Exception {
        Path work = Files.createDirectories(BenchHarness.WORK.resolve(name));
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-jar");
        cmd.add(BenchHarness.GATEWAY_JAR.toString());
        cmd.add("--server.port=" + port);
        cmd.add("--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/mipgate") + ";AUTO_SERVER=FALSE");
        if (demo) {
            // the embedded default, only moved off fixed paths and ports that another run on this box may hold
            Path pty = work.resolve("pty");
            cmd.add("--mipgate.demo.echo-port=" + freePort());
            int dns = freePort();
            cmd.add("--mipgate.demo.dns-port=" + dns);
            cmd.add("--mipgate.demo.ntp-port=" + freePort());
            // a list given on the command line replaces application.yml's whole list: ids and models repeated
            cmd.add("--mipgate.modules[0].id=emu-ml307r");
            cmd.add("--mipgate.modules[0].model=auto");
            cmd.add("--mipgate.modules[0].port=emulator:ML307R?pty=" + pty + "/ttyEMU0&dns=127.0.0.1:" + dns);
            cmd.add("--mipgate.modules[1].id=emu-mn316");
            cmd.add("--mipgate.modules[1].model=auto");
            cmd.add("--mipgate.modules[1].port=emulator:MN316?pty=" + pty + "/ttyEMU1&dns=127.0.0.1:" + dns);
        } else {
            cmd.add("--spring.profiles.active=bench");
            cmd.add("--mipgate.security.api-keys[0].name=bench");
            cmd.add("--mipgate.security.api-keys[0].role=ADMIN");
            cmd.add("--mipgate.security.api-keys[0].hash={sha256}" + sha256(API_KEY));
            for (int i = 0; i < modules.size(); i++) {
                cmd.add("--mipgate.modules[" + i + "].id=" + modules.get(i)[0]);
                cmd.add("--mipgate.modules[" + i + "].port=" + modules.get(i)[1]);
            }
        }
        cmd.addAll(extra);
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("gateway.log").toFile()).start();
        // a gateway never outlives the harness, even when the harness dies: it would hold its database and ports
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        Gateway gateway = new Gateway(process, port, null, work);
        gateway.awaitReady(Duration.ofSeconds(300)); // a loaded 2-core box has taken over 3 min
        Duration startup = Duration.ofNanos(System.nanoTime() - t0);
        return new Gateway(process, port, startup, work);
    }

    private void awaitReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited with " + process.exitValue() + "; see "
                        + workDir.resolve("gateway.log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("gateway not ready in " + limit + "; see " + workDir.resolve("gateway.log"));
    }

    /** The image's JAVA_TOOL_OPTIONS from the pom, with the compose/Helm memory limit as the JVM's RAM. */
    static List<String> containerFlags() throws IOException {
        String pom = Files.readString(BenchHarness.ROOT.resolve("pom.xml"));
        Matcher m = Pattern.compile("<JAVA_TOOL_OPTIONS>([^<]+)</JAVA_TOOL_OPTIONS>").matcher(pom);
        if (!m.find()) {
            throw new IllegalStateException("pom.xml has no JAVA_TOOL_OPTIONS for the image");
        }
        List<String> flags = new ArrayList<>();
        flags.add("-XX:MaxRAM=" + CONTAINER_LIMIT_MIB + "m");
        for (String flag : m.group(1).trim().split("\\s+")) {
            // the CDS archive path is the container's data volume; here it lives in the run's work directory
            flags.add(flag.startsWith("-XX:SharedArchiveFile=")
                    ? "-XX:SharedArchiveFile=" + BenchHarness.WORK.resolve("mipgate.jsa") : flag);
        }
        // BENCH_EXTRA_JVM_FLAGS: try other settings against the shipped ones (later flags win)
        String extra = System.getenv("BENCH_EXTRA_JVM_FLAGS");
        if (extra != null && !extra.isBlank()) {
            flags.addAll(List.of(extra.trim().split("\\s+")));
        }
        return flags;
    }

    long pid() {
        return process.pid();
    }

    /** VmRSS and VmHWM of the gateway process in KiB. */
    long[] rssAndPeakKiB() throws IOException {
        long rss = 0;
        long hwm = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] {rss, hwm};
    }

    /** User + system CPU time of the gateway process in milliseconds. */
    long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 1000 / 100; // USER_HZ is 100 on Linux
    }

    /** Heap in use, from the actuator (bytes). */
    long heapUsedBytes() throws Exception {
        String body = get("/actuator/metrics/jvm.memory.used?tag=area:heap").body();
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+]+)").matcher(body);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("X-API-Key", API_KEY).timeout(Duration.ofSeconds(60));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a connection and answers its connect_id. */
    int open(String module, String protocol, int peerPort, String accessMode) throws Exception {
        return open(module, protocol, peerPort, accessMode, null);
    }

    int open(String module, String protocol, int peerPort, String accessMode, Integer connectId) throws Exception {
        HttpResponse<String> r = postJson("/api/v1/modules/" + module + "/connections", "{\"protocol\":\"" + protocol
                + "\",\"host\":\"127.0.0.1\",\"port\":" + peerPort
                + (connectId == null ? "" : ",\"connectId\":" + connectId)
                + (accessMode == null ? "" : ",\"accessMode\":\"" + accessMode + "\"") + "}");
        expect(r, 201, "open");
        return intField(r.body(), "connectId");
    }

    long send(String module, int id, byte[] data) throws Exception {
        HttpResponse<String> r = http.send(request("/api/v1/modules/" + module + "/connections/" + id + "/send")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(data)).build(), HttpResponse.BodyHandlers.ofString());
        expect(r, 200, "send");
        return intField(r.body(), "accepted");
    }

    /**
     * Queues a send ({@code async=true}) and returns once the gateway took it, as a pipelining client does; a full
     * job queue (429) is the back-pressure: wait a moment and offer it again.
     */
    void sendQueued(String module, int id, byte[] data) throws Exception {
        HttpRequest request = request("/api/v1/modules/" + module + "/connections/" + id + "/send?async=true")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(data)).build();
        while (true) {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 429) {
                expect(r, 202, "queued send");
                return;
            }
            Thread.sleep(2);
        }
    }

    byte[] read(String module, int id, int max) throws Exception {
        HttpResponse<byte[]> r = http.send(request("/api/v1/modules/" + module + "/connections/" + id + "/data?max="
                + max).header("Accept", "application/octet-stream").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("read answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    /** The connection as the gateway sees it; {@code reconcile} asks the module (AT+MIPSTATE) first. */
    HttpResponse<String> connection(String module, int id, boolean reconcile) throws Exception {
        return get("/api/v1/modules/" + module + "/connections/" + id + "?reconcile=" + reconcile);
    }

    void close(String module, int id) throws Exception {
        HttpResponse<String> r = http.send(request("/api/v1/modules/" + module + "/connections/" + id).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());
        expect(r, 200, "close");
    }

    static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static int intField(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Integer.parseInt(m.group(1));
    }

    static long longField(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Runs a jcmd command against the gateway (JFR.dump etc.). */
    String jcmd(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid())));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
