package io.mipgate.transport;

import io.mipgate.transport.pty.PseudoTerminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures the {@code AT\r} → {@code \r\nOK\r\n} round trip through each link type, with a trivial responder on the
 * module side. Prints numbers, asserts nothing: it is a yardstick for the worker's timeouts, not a gate.
 *
 * <pre>java -cp target/test-classes:target/classes:… io.mipgate.transport.LinkRoundTripHarness [iterations]</pre>
 */
public final class LinkRoundTripHarness {

    private static final byte[] COMMAND = "AT\r".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANSWER = "\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);

    public record Result(String link, int iterations, double minMicros, double medianMicros, double p99Micros,
                         double maxMicros) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-34s n=%-6d min %8.1f µs   median %8.1f µs   p99 %8.1f µs   max %9.1f µs",
                    link, iterations, minMicros, medianMicros, p99Micros, maxMicros);
        }
    }

    private LinkRoundTripHarness() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        run(iterations / 10, iterations).forEach(System.out::println);
    }

    public static List<Result> run(int warmup, int iterations) throws Exception {
        List<Result> results = new ArrayList<>();
        results.add(inProcess(warmup, iterations));
        results.add(tcp(warmup, iterations));
        if (PseudoTerminal.isSupported()) {
            results.add(serialOverPty(warmup, iterations));
        }
        return results;
    }

    static Result inProcess(int warmup, int iterations) throws Exception {
        InProcessLink.Pair pair = InProcessLink.pair();
        Link module = pair.moduleSide();
        try (Link gateway = pair.gatewaySide()) {
            startResponder(LinkStreams.inputStream(module), LinkStreams.outputStream(module));
            return measure(gateway, warmup, iterations);
        }
    }

    static Result tcp(int warmup, int iterations) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpLink gateway = new TcpLink("bench", new LinkSpec.Tcp("127.0.0.1", server.getLocalPort(),
                     Duration.ofSeconds(2)))) {
            gateway.open();
            Socket module = server.accept();
            module.setTcpNoDelay(true);
            startResponder(module.getInputStream(), module.getOutputStream());
            Result result = measure(gateway, warmup, iterations);
            module.close();
            return result;
        }
    }

    static Result serialOverPty(int warmup, int iterations) throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open();
             SerialLink gateway = new SerialLink("bench", LinkSpec.Serial.withDefaults(pty.slavePath().toString()))) {
            gateway.open();
            startResponder(pty.inputStream(), pty.outputStream());
            return measure(gateway, warmup, iterations);
        }
    }

    private static Result measure(Link gateway, int warmup, int iterations) throws IOException {
        for (int i = 0; i < warmup; i++) {
            roundTrip(gateway);
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            roundTrip(gateway);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Result(gateway.describe().replaceAll("/tmp/\\S+|/dev/pts/\\d+", "<pty>"), iterations,
                nanos[0] / 1e3, nanos[iterations / 2] / 1e3, nanos[(int) (iterations * 0.99)] / 1e3,
                nanos[iterations - 1] / 1e3);
    }

    private static void roundTrip(Link gateway) throws IOException {
        gateway.write(COMMAND);
        byte[] answer = LinkTestSupport.readExactly(gateway, ANSWER.length);
        if (!Arrays.equals(answer, ANSWER)) {
            throw new IOException("unexpected answer " + LinkTestSupport.escape(answer));
        }
    }

    /** Answers OK to every CR it sees, like a module with echo off; ends with the stream. */
    private static void startResponder(InputStream in, OutputStream out) {
        Thread.ofPlatform().daemon().name("bench-module").start(() -> {
            byte[] buffer = new byte[256];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\r') {
                            out.write(ANSWER);
                        }
                    }
                }
            } catch (IOException endOfRun) {
                // the gateway side closed first
            }
        });
    }
}
