package io.mipgate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Figure 2: what the gateway adds to one operation. Each operation runs through the REST API (gateway in its own JVM,
 * unpaced virtual module) and the same AT exchange is typed by {@link RawLine} on an unpaced virtual module in this
 * process; added = REST percentile − raw percentile (unpaired samples, so the percentiles are subtracted, not the
 * samples). A read in normal mode has no AT exchange at all (data arrived by URC): its raw time is zero.
 */
final class LatencySuite {

    private static final String MODULE = "lat";

    private LatencySuite() {
    }

    interface Op {
        void run() throws Exception;
    }

    static List<Figure> run(boolean quick) throws Exception {
        int samples = quick ? 500 : 5000;
        int pings = quick ? 40 : 200;
        List<Figure> figures = new ArrayList<>();
        byte[] payload = new byte[64];
        new Random(64).nextBytes(payload);
        try (Peer peer = new Peer();
             Gateway gateway = Gateway.start("latency", Gateway.containerFlags(),
                     List.<String[]>of(new String[] {MODULE, "emulator:ML307R"}), false, List.of());
             RawLine raw = new RawLine(0)) {
            int id = gateway.open(MODULE, "TCP", peer.tcpPort(), null);
            String conn = "/api/v1/modules/" + MODULE + "/connections/" + id;
            raw.command("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + peer.tcpPort(), "+MIPOPEN: 0,0");
            String pingJson = "{\"host\":\"127.0.0.1\",\"count\":1,\"timeoutSeconds\":5}";
            measure(figures, "send 64 B", samples,
                    () -> gateway.send(MODULE, id, payload),
                    () -> {
                        raw.command("AT+MIPSEND=0,64", ">");
                        raw.write(payload);
                        raw.await("OK\r\n");
                    });
            measure(figures, "read (empty queue)", samples, () -> gateway.read(MODULE, id, 65536), null);
            measure(figures, "sack", samples,
                    () -> Gateway.expect(gateway.get(conn + "/sack"), 200, "sack"),
                    () -> raw.command("AT+MIPSACK=0", "OK\r\n"));
            measure(figures, "state (AT+MIPSTATE)", samples,
                    () -> Gateway.expect(gateway.get(conn + "?reconcile=true"), 200, "state"),
                    () -> raw.command("AT+MIPSTATE=0", "OK\r\n"));
            measure(figures, "ping 127.0.0.1", pings,
                    () -> Gateway.expect(gateway.postJson("/api/v1/modules/" + MODULE + "/ping", pingJson), 200,
                            "ping"),
                    () -> {
                        raw.command("AT+MPING=\"127.0.0.1\",5,1", "OK\r\n");
                        raw.await("+MPING: ");
                        raw.await("\r\n");
                    });
        }
        return figures;
    }

    private static void measure(List<Figure> figures, String name, int samples, Op rest, Op raw) throws Exception {
        Percentiles restTimes = time(rest, samples);
        Percentiles rawTimes = raw == null ? null : time(raw, samples);
        for (double p : new double[] {50, 99}) {
            double restMs = restTimes.millis(p);
            double rawMs = rawTimes == null ? 0 : rawTimes.millis(p);
            double added = restMs - rawMs;
            Figure f = Figure.of("2 added latency", name + " p" + (int) p + " added", added, "ms")
                    .against(rawMs, "raw AT p" + (int) p);
            if (p == 99) {
                f = f.target("p99 added <= 2 ms", added <= 2.0);
            }
            figures.add(f);
            System.out.printf("  %-34s REST %7.3f ms, raw AT %7.3f ms, added %7.3f ms%n", name + " p" + (int) p,
                    restMs, rawMs, added);
        }
    }

    /** Warms up (the JIT compiles both JVMs' paths), then times each call. */
    private static Percentiles time(Op op, int samples) throws Exception {
        for (int i = 0; i < samples; i++) {
            op.run();
        }
        Percentiles times = new Percentiles();
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            op.run();
            times.add(System.nanoTime() - t0);
        }
        return times;
    }
}
