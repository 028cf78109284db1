package io.mipgate.module;

import io.mipgate.domain.Protocol;
import io.mipgate.emulator.EmulatorLinkFactory;
import io.mipgate.transport.LinkFactories;
import io.mipgate.transport.LinkSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Goodput of the worker's data path against a virtual module whose line is paced at {@code baud} (10 bits a byte):
 * one-way upload (sends to a peer that discards) and download (a peer's burst read in normal mode), each operation
 * moving {@link #BURST} bytes in {@code size}-byte messages. The line's own rate is the baseline: each trial prints
 * {@code goodput / (baud / 10)}.
 *
 * <pre>./mvnw -Pbench verify -Dbench.include=LineRateBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1)
public class LineRateBenchmark {

    static final int BURST = 64 * 1024;

    @Param({"115200", "921600"})
    public int baud;

    @Param({"512", "1460"})
    public int size;

    /**
     * upload, download: one way; echo: send and read back through one normal-mode connection; echo3: the same over
     * three connections at once; echo-transparent: one connection in transparent mode (no prompts, full duplex);
     * upload-raw: the baseline, a minimal client typing AT+MIPSEND, waiting for {@code >}, writing the bytes and waiting
     * for OK straight on the emulator's line, without the gateway.
     */
    @Param({"upload", "upload-raw", "download", "echo", "echo3", "echo-transparent"})
    public String direction;

    private EmulatorLinkFactory emulators;
    private DeviceManager manager;
    private ModuleClient client;
    private ServerSocket server;
    private Socket peer;
    private int connectId;
    private io.mipgate.emulator.net.TcpEchoServer echo;
    private int[] echoIds = new int[0];
    private byte[] message;
    private long started;
    private long elapsedNanos;
    private long moved;
    private RawClient raw;

    @Setup(Level.Trial)
    public void start() throws Exception {
        message = new byte[size];
        new java.util.Random(size).nextBytes(message);
        if (direction.equals("upload-raw")) {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            raw = new RawClient(baud, server.getLocalPort());
            peer = server.accept();
            Thread.ofPlatform().daemon().start(this::discardFromModule);
            return;
        }
        emulators = new EmulatorLinkFactory();
        LinkFactories links = LinkFactories.withDefaults().register(EmulatorLinkFactory.SCHEME, emulators);
        manager = new DeviceManager(links, Clock.systemUTC());
        client = manager.add(ModuleSettings.defaults("bench", LinkSpec.parse("bench", "emulator:ML307R?baud=" + baud))
                .withIntervals(Duration.ZERO, Duration.ZERO).withReceiveBuffer(4 * BURST));
        manager.start(Duration.ofSeconds(30));
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        connectId = client.open(new OpenRequest(Protocol.TCP, "127.0.0.1", server.getLocalPort(), null, null, null,
                null)).get(30, TimeUnit.SECONDS).connectId();
        peer = server.accept();
        Thread.ofPlatform().daemon().start(this::discardFromModule);
        if (direction.startsWith("echo")) {
            echo = io.mipgate.emulator.net.TcpEchoServer.start();
            int connections = direction.equals("echo3") ? 3 : 1;
            io.mipgate.domain.AccessMode mode = direction.equals("echo-transparent")
                    ? io.mipgate.domain.AccessMode.TRANSPARENT : null;
            echoIds = new int[connections];
            for (int i = 0; i < connections; i++) {
                echoIds[i] = client.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), null, mode, null, null))
                        .get(30, TimeUnit.SECONDS).connectId();
            }
        }
    }

    private void discardFromModule() {
        byte[] sink = new byte[16 * 1024];
        try (InputStream in = peer.getInputStream()) {
            while (in.read(sink) >= 0) {
                // discard
            }
        } catch (java.io.IOException ignored) {
            // closed at tear-down
        }
    }

    @Benchmark
    public long transfer() throws Exception {
        long t0 = System.nanoTime();
        long total = switch (direction) {
            case "upload" -> upload();
            case "download" -> download();
            case "upload-raw" -> raw.upload(message, BURST);
            default -> echoed();
        };
        elapsedNanos += System.nanoTime() - t0;
        moved += total;
        return total;
    }

    private long upload() throws Exception {
        long sent = 0;
        while (sent < BURST) {
            sent += client.send(connectId, message, SendOptions.DEFAULT).get(60, TimeUnit.SECONDS).accepted();
        }
        return sent;
    }

    private long download() throws Exception {
        OutputStream out = peer.getOutputStream();
        for (int offset = 0; offset < BURST; offset += size) {
            out.write(message, 0, Math.min(size, BURST - offset));
        }
        out.flush();
        long received = 0;
        while (received < BURST) {
            byte[] chunk = client.read(connectId, BURST);
            if (chunk.length == 0) {
                Thread.onSpinWait();
                Thread.sleep(0, 200_000);
            }
            received += chunk.length;
        }
        return received;
    }

    /** Each connection sends its share of the burst in messages and reads the echo back; counts one direction. */
    private long echoed() throws Exception {
        int share = BURST / echoIds.length;
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new java.util.ArrayList<java.util.concurrent.Future<Long>>();
            for (int id : echoIds) {
                done.add(threads.submit(() -> {
                    for (int offset = 0; offset < share; offset += size) {
                        byte[] part = java.util.Arrays.copyOf(message, Math.min(size, share - offset));
                        client.send(id, part, SendOptions.DEFAULT).get(60, TimeUnit.SECONDS);
                    }
                    long back = 0;
                    while (back < share) {
                        byte[] chunk = client.read(id, share);
                        if (chunk.length == 0) {
                            Thread.sleep(0, 200_000);
                        }
                        back += chunk.length;
                    }
                    return back;
                }));
            }
            long total = 0;
            for (var f : done) {
                total += f.get();
            }
            return total;
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        double seconds = elapsedNanos / 1e9;
        double line = baud / 10.0;
        System.out.printf("%nLINE-RATE %s size=%d baud=%d: %.0f B/s = %.1f %% of the line (%d bytes in %.2f s)%n",
                direction, size, baud, moved / seconds, 100 * moved / seconds / line, moved, seconds);
        peer.close();
        server.close();
        if (echo != null) {
            echo.close();
        }
        if (raw != null) {
            raw.close();
            return;
        }
        manager.close();
        emulators.close();
    }

    /** The baseline: AT+MIPSEND typed straight on the paced line of a virtual module, one send at a time. */
    static final class RawClient implements AutoCloseable {
        private final io.mipgate.emulator.VirtualModule module;
        private final io.mipgate.transport.Link line;
        private final StringBuilder seen = new StringBuilder();
        private final byte[] buffer = new byte[4096];

        RawClient(int baud, int port) throws Exception {
            module = new io.mipgate.emulator.VirtualModule(io.mipgate.emulator.EmulatorConfig
                    .builder(io.mipgate.emulator.model.EmulatedFamily.ML307R).baud(baud).build());
            line = module.attachInProcess();
            module.powerOn();
            Thread.sleep(1500); // the virtual module's boot
            command("AT", "OK\r\n");
            command("ATE0", "OK\r\n");
            command("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + port, "+MIPOPEN: 0,0");
        }

        long upload(byte[] message, int total) throws Exception {
            long sent = 0;
            while (sent < total) {
                command("AT+MIPSEND=0," + message.length, ">");
                line.write(message);
                await("OK\r\n");
                sent += message.length;
            }
            return sent;
        }

        private void command(String text, String until) throws Exception {
            line.write((text + "\r").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            await(until);
        }

        private void await(String token) throws Exception {
            while (seen.indexOf(token) < 0) {
                int n = line.read(buffer, 0, buffer.length);
                if (n < 0) {
                    throw new java.io.EOFException("module line closed");
                }
                seen.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            seen.delete(0, seen.indexOf(token) + token.length());
        }

        @Override
        public void close() {
            line.close();
            module.close();
        }
    }
}
