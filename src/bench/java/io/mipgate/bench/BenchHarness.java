package io.mipgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The benchmark harness behind {@code bench/run}: runs the figures of issue 18 against the packaged gateway (a
 * separate JVM per suite) and baselines measured in the same run, prints a table and writes
 * {@code bench/results/<run>.md}, {@code <run>.csv}, {@code history.csv} (appended) and {@code history.html}.
 *
 * <pre>bench/run [--full] [--only=goodput,latency,scale,codec,burst,footprint]
 * bench/run --plot      # only redraws history.html from history.csv</pre>
 */
public final class BenchHarness {

    static final Path ROOT = Path.of(System.getProperty("mipgate.root", ".")).toAbsolutePath().normalize();
    /** This run's scratch space (databases, logs, JFR): a directory per run, so no run meets another's files. */
    static final Path WORK = ROOT.resolve("target/bench-work/" + ProcessHandle.current().pid());
    static final Path GATEWAY_JAR = ROOT.resolve("target/mipgate.jar");

    interface Suite {
        List<Figure> run() throws Exception;
    }

    private BenchHarness() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = true;
        Set<String> only = Set.of("goodput", "latency", "scale", "codec", "burst", "footprint");
        for (String arg : args) {
            if (arg.equals("--full")) {
                quick = false;
            } else if (arg.equals("--plot")) {
                Report.plot(ROOT.resolve("bench/results"));
                return;
            } else if (arg.startsWith("--only=")) {
                only = Set.of(arg.substring(7).split(","));
            } else {
                throw new IllegalArgumentException("usage: bench/run [--full] [--only=goodput,latency,scale,codec,"
                        + "burst,footprint] | bench/run --plot");
            }
        }
        Files.createDirectories(WORK);
        String run = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
        String machineBefore = machine();
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean q = quick;
        long t0 = System.nanoTime();
        // codec first: JMH wants the box as quiet as this run can make it
        suite("codec", only, figures, notes, () -> CodecSuite.run(q));
        suite("footprint", only, figures, notes, FootprintSuite::run);
        suite("latency", only, figures, notes, () -> LatencySuite.run(q));
        suite("goodput", only, figures, notes, () -> GoodputSuite.run(q, notes));
        suite("burst", only, figures, notes, () -> BurstSuite.run(q));
        suite("scale", only, figures, notes, () -> ScaleSuite.run(q, notes));
        String machine = machineBefore + "\n- load average at the end: " + loadAverage()
                + String.format("\n- harness wall time: %.0f s", (System.nanoTime() - t0) / 1e9);
        System.out.println();
        System.out.println(Report.table(figures));
        Path results = ROOT.resolve("bench/results");
        String extraFlags = System.getenv("BENCH_EXTRA_JVM_FLAGS");
        String mode = (quick ? "quick" : "full") + (extraFlags == null || extraFlags.isBlank() ? ""
                : " with " + extraFlags.trim());
        Report.write(results, run, mode, command(args, extraFlags), commit(), machine, figures, notes);
        System.out.println("written: " + results.resolve(run + ".md") + ", " + run + ".csv, history.csv, history.html");
    }

    /** The command as typed, with the environment that shapes the run, so a partial run says what it left out. */
    private static String command(String[] args, String extraFlags) {
        String cells = System.getenv("BENCH_CELLS");
        return (cells == null || cells.isBlank() ? "" : "BENCH_CELLS=" + cells.trim() + " ")
                + (extraFlags == null || extraFlags.isBlank() ? ""
                        : "BENCH_EXTRA_JVM_FLAGS=\"" + extraFlags.trim() + "\" ")
                + "bench/run" + (args.length == 0 ? "" : " " + String.join(" ", args));
    }

    private static void suite(String name, Set<String> only, List<Figure> figures, List<String> notes, Suite suite) {
        if (!only.contains(name)) {
            return;
        }
        System.out.println("== " + name);
        long t0 = System.nanoTime();
        try {
            figures.addAll(suite.run());
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            notes.add("**Suite " + name + " failed:** `" + e + "`");
        }
        System.out.printf("== %s done in %.0f s%n", name, (System.nanoTime() - t0) / 1e9);
    }

    /** What the figures were measured on; the box is shared, so its load is part of the description. */
    static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> l.replaceAll("\\D", "")).map(k -> Long.parseLong(k) / 1024 + " MiB")
                .orElse("?");
        return "- CPU: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores visible\n"
                + "- memory: " + mem + "\n"
                + "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n"
                + "- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "\n- load average at the start: " + loadAverage()
                + "\n- the box is shared with other builds: figures are noisy; compare ratios measured in one run";
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static String commit() {
        try {
            Process p = new ProcessBuilder("git", "-C", ROOT.toString(), "describe", "--always", "--dirty")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out;
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
