package io.mipgate.bench;

import io.mipgate.emulator.net.TcpEchoServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Figure 3: 32 unpaced virtual modules × 6 connections on one gateway JVM started with the image's flags (512 MiB
 * view of RAM) and a JFR recording, under a mixed REST load from virtual-thread clients: send 64 B / read / sack /
 * state in equal parts on open connections, with a close (and a later re-open) now and then. Each client takes a free
 * connection ("lane") at random, so no two clients race on one connection. The baseline is an in-memory REST call
 * (GET a module) under the same clients: the web stack's own ceiling on this box.
 */
final class ScaleSuite {

    static final int MODULES = 32;
    static final int CONNECTIONS = 6;

    private final Gateway gateway;
    private final TcpEchoServer echo;
    private final Lane[] lanes = new Lane[MODULES * CONNECTIONS];
    private final List<String> errorSamples = new CopyOnWriteArrayList<>();

    private ScaleSuite(Gateway gateway, TcpEchoServer echo) {
        this.gateway = gateway;
        this.echo = echo;
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane("s" + (i / CONNECTIONS), i % CONNECTIONS);
        }
    }

    static final class Lane {
        final String module;
        final int connectId;
        final ReentrantLock lock = new ReentrantLock();
        boolean open;

        Lane(String module, int connectId) {
            this.module = module;
            this.connectId = connectId;
        }
    }

    record Load(double opsPerSecond, long ops, long errors, Percentiles latency, long cpuMillis, long maxRssKiB) {
    }

    static List<Figure> run(boolean quick, List<String> notes) throws Exception {
        int seconds = quick ? 15 : 60;
        List<String[]> modules = new ArrayList<>();
        for (int m = 0; m < MODULES; m++) {
            modules.add(new String[] {"s" + m, "emulator:ML307R"});
        }
        List<String> flags = new ArrayList<>(Gateway.containerFlags());
        // where the RSS goes (heap, metaspace, code, threads, GC): evidence for the 512 MiB target
        flags.add("-XX:NativeMemoryTracking=summary");
        List<Figure> figures = new ArrayList<>();
        try (TcpEchoServer echo = TcpEchoServer.start();
             Gateway gateway = Gateway.start("scale", flags, modules, false, List.of())) {
            ScaleSuite suite = new ScaleSuite(gateway, echo);
            suite.openAll();
            suite.load(16, quick ? 10 : 30, false); // warm-up: the JIT compiles the request path
            for (int clients : new int[] {8, 32, 64}) {
                Load load = suite.load(clients, seconds, false);
                Load baseline = clients == 32 ? suite.load(clients, Math.max(5, seconds / 3), true) : null;
                suite.report(clients, load, baseline, figures);
            }
            long[] rss = gateway.rssAndPeakKiB();
            figures.add(Figure.of("3 scale", "heap used after load", gateway.heapUsedBytes() / 1048576.0, "MiB"));
            figures.add(Figure.of("3 scale", "peak RSS (VmHWM)", rss[1] / 1024.0, "MiB")
                    .target("<= 512 MiB (image flags)", rss[1] <= 512 * 1024));
            notes.add("### Scale: gateway native memory after the load (NMT summary, committed)\n\n```\n"
                    + nmt(gateway.jcmd("VM.native_memory", "summary", "scale=MB")) + "\n```");
            // the profile is a separate step, so that JFR's own memory and CPU are not in the figures above
            gateway.jcmd("JFR.start", "name=load", "settings=profile");
            suite.load(32, seconds, false);
            Path loadJfr = BenchHarness.WORK.resolve("scale-load.jfr");
            gateway.jcmd("JFR.dump", "name=load", "filename=" + loadJfr);
            notes.addAll(Profiles.summarise(loadJfr));
            if (!suite.errorSamples.isEmpty()) {
                notes.add("Scale errors (first " + suite.errorSamples.size() + "):\n\n```\n"
                        + String.join("\n", suite.errorSamples) + "\n```");
            }
        }
        return figures;
    }

    private void report(int clients, Load load, Load baseline, List<Figure> figures) {
        String at = clients + " clients";
        Figure ops = Figure.of("3 scale", "ops/s " + at, load.opsPerSecond(), "ops/s");
        Figure p99 = Figure.of("3 scale", "p99 " + at, load.latency().millis(99), "ms");
        if (baseline != null) {
            ops = ops.against(baseline.opsPerSecond(), "GET module (in-memory)")
                    .target(">= 10000 ops/s, 0 errors", load.opsPerSecond() >= 10_000 && load.errors() == 0);
            p99 = p99.against(baseline.latency().millis(99), "GET module p99").target("<= 25 ms",
                    load.latency().millis(99) <= 25);
        }
        figures.add(ops);
        figures.add(Figure.of("3 scale", "errors " + at, load.errors(), "errors").target("0", load.errors() == 0));
        figures.add(p99);
        figures.add(Figure.of("3 scale", "p50 " + at, load.latency().millis(50), "ms"));
        figures.add(Figure.of("3 scale", "gateway CPU per op " + at,
                load.ops() == 0 ? Double.NaN : (double) load.cpuMillis() / load.ops(), "ms"));
        figures.add(Figure.of("3 scale", "max RSS " + at, load.maxRssKiB() / 1024.0, "MiB")
                .target("<= 512 MiB (image flags)", load.maxRssKiB() <= 512 * 1024));
        System.out.printf("  %2d clients: %7.0f ops/s, %d errors, p50 %.1f ms, p99 %.1f ms, %.3f ms CPU/op,"
                        + " max RSS %d MiB%s%n", clients, load.opsPerSecond(), load.errors(),
                load.latency().millis(50), load.latency().millis(99),
                (double) load.cpuMillis() / Math.max(1, load.ops()), load.maxRssKiB() / 1024,
                baseline == null ? "" : String.format("; baseline GET module %.0f ops/s p99 %.1f ms",
                        baseline.opsPerSecond(), baseline.latency().millis(99)));
    }

    /** The NMT summary's per-category committed lines. */
    private static String nmt(String summary) {
        return String.join("\n", summary.lines().filter(l -> l.contains("committed=") && !l.contains("mmap:")
                && !l.contains("malloc:") && (l.startsWith("-") || l.startsWith("Total"))).toList());
    }

    private void openAll() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Lane lane : lanes) {
                threads.submit(() -> {
                    gateway.open(lane.module, "TCP", echo.port(), null, lane.connectId);
                    lane.open = true;
                    return null;
                });
            }
        }
    }

    private Load load(int clients, int seconds, boolean baselineOnly) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Percentiles> perClient = new CopyOnWriteArrayList<>();
        long cpu0 = gateway.cpuMillis();
        long maxRss = 0;
        long t0 = System.nanoTime();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                threads.submit(() -> {
                    Percentiles mine = new Percentiles();
                    perClient.add(mine);
                    byte[] payload = new byte[64];
                    new Random().nextBytes(payload);
                    while (running.get()) {
                        long s = System.nanoTime();
                        try {
                            boolean done = baselineOnly ? baseline() : mixed(payload);
                            if (!done) {
                                continue;
                            }
                            mine.add(System.nanoTime() - s);
                            ops.incrementAndGet();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            if (errorSamples.size() < 10) {
                                errorSamples.add(e.getMessage());
                            }
                        }
                    }
                    return null;
                });
            }
            long end = t0 + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                Thread.sleep(500);
                maxRss = Math.max(maxRss, gateway.rssAndPeakKiB()[0]);
            }
            running.set(false);
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long cpu = gateway.cpuMillis() - cpu0;
        Percentiles all = new Percentiles();
        perClient.forEach(all::addAll);
        return new Load(ops.get() / elapsed, ops.get(), errors.get(), all, cpu, maxRss);
    }

    private boolean baseline() throws Exception {
        Lane lane = lanes[ThreadLocalRandom.current().nextInt(lanes.length)];
        Gateway.expect(gateway.get("/api/v1/modules/" + lane.module), 200, "get module");
        return true;
    }

    /** One operation on a lane nobody else holds; false when the lane was busy. */
    private boolean mixed(byte[] payload) throws Exception {
        Lane lane = lanes[ThreadLocalRandom.current().nextInt(lanes.length)];
        if (!lane.lock.tryLock()) {
            return false;
        }
        try {
            String conn = "/api/v1/modules/" + lane.module + "/connections/" + lane.connectId;
            if (!lane.open) {
                gateway.open(lane.module, "TCP", echo.port(), null, lane.connectId);
                lane.open = true;
                return true;
            }
            int pick = ThreadLocalRandom.current().nextInt(100);
            if (pick < 2) {
                gateway.close(lane.module, lane.connectId);
                lane.open = false;
            } else if (pick < 27) {
                gateway.send(lane.module, lane.connectId, payload);
            } else if (pick < 52) {
                gateway.read(lane.module, lane.connectId, 65536);
            } else if (pick < 77) {
                HttpResponse<String> r = gateway.get(conn + "/sack");
                Gateway.expect(r, 200, "sack");
            } else {
                Gateway.expect(gateway.get(conn + "?reconcile=true"), 200, "state");
            }
            return true;
        } finally {
            lane.lock.unlock();
        }
    }
}
