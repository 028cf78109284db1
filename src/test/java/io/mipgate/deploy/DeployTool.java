package io.mipgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.testsupport.RequiredFacility;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An external command-line tool the deployment checks run (promtool, docker-compose). Missing on a developer's
 * machine, the check is skipped; missing under {@code CI=true} (where {@code .ci/run} installs it), it fails.
 */
record DeployTool(String name, String debianPackage) {

    static final DeployTool PROMTOOL = new DeployTool("promtool", "prometheus");
    static final DeployTool PROMETHEUS = new DeployTool("prometheus", "prometheus");
    static final DeployTool DOCKER_COMPOSE = new DeployTool("docker-compose", "docker-compose");

    /** The project's root: the working directory Maven runs the tests in. */
    static final Path ROOT = Path.of("").toAbsolutePath();

    /** What the tool printed and how it exited. */
    record Run(int exitCode, String output) {
    }

    Path require() {
        Optional<Path> found = find();
        RequiredFacility.require(found.isPresent(),
                name + " is not installed (.ci/run installs Debian package '" + debianPackage + "')");
        return found.orElseThrow();
    }

    Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs the tool in the project root; stdin from {@code input} when not null. */
    Run run(String input, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(require().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (input != null) {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            process.getOutputStream().close();
        }
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    Run run(String... args) throws IOException, InterruptedException {
        return run(null, Map.of(), args);
    }

    /** Runs the tool and asserts it exits with 0. */
    String check(String... args) throws IOException, InterruptedException {
        Run run = run(args);
        assertThat(run.exitCode()).as("%s %s:%n%s", name, String.join(" ", args), run.output()).isZero();
        return run.output();
    }
}
