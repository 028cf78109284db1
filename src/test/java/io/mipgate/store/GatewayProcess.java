package io.mipgate.store;

import io.mipgate.MipgateApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole gateway in a JVM of its own (the test classpath, java from {@code JAVA_HOME}), so it can be killed with
 * SIGKILL or stopped with SIGTERM like a deployed one, with its H2 file in a directory the test reads afterwards.
 */
final class GatewayProcess implements AutoCloseable {

    static final String BOX = "crash-box";
    static final String MODULE = "m";

    private final Process process;
    private final Path log;

    private GatewayProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** A gateway with one module on {@code tcp://127.0.0.1:<modulePort>} and its history in {@code h2File}. */
    static GatewayProcess start(Path h2File, int modulePort, Path log, Map<String, String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), MipgateApplication.class.getName(),
                "--spring.profiles.active=crash-test",
                "--spring.main.web-application-type=none",
                "--spring.main.keep-alive=true",
                "--spring.main.banner-mode=off",
                "--mipgate.store.h2-file=" + h2File,
                "--mipgate.box-id=" + BOX,
                "--mipgate.security.api-keys[0].name=crash-admin",
                "--mipgate.security.api-keys[0].hash={sha256}" + "0".repeat(64),
                "--mipgate.security.api-keys[0].role=ADMIN",
                "--mipgate.modules[0].id=" + MODULE,
                "--mipgate.modules[0].port=tcp://127.0.0.1:" + modulePort,
                "--mipgate.modules[0].reconcile-interval=0s",
                "--mipgate.modules[0].escape-guard=100ms"));
        extra.forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new GatewayProcess(process, log);
    }

    private static String java() {
        String home = System.getenv("JAVA_HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("java.home");
        }
        return Path.of(home, "bin", "java").toString();
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gateway process survived SIGKILL");
        }
    }

    /** SIGTERM, as a service manager stops it; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gateway process did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
