package io.mipgate.bench;

import io.mipgate.emulator.net.TcpEchoServer;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Figure 1: payload bytes per second through the REST API as a fraction of the serial line (baud / 10 B/s), for
 * upload (TCP and UDP), download (a peer's burst read through the API in normal and stream-buffer mode) and echo (one
 * and three connections in normal mode, one in transparent mode), against {@link HexBaseline} on a line of the same
 * rate in the same run.
 */
final class GoodputSuite {

    static final int[] BAUDS = {115200, 921600};
    static final int[] SIZES = {64, 512, 1460, 8192};

    private final Gateway gateway;
    private final Peer peer;
    private final TcpEchoServer echo;
    private final boolean quick;
    private final List<Figure> figures = new ArrayList<>();

    private GoodputSuite(Gateway gateway, Peer peer, TcpEchoServer echo, boolean quick) {
        this.gateway = gateway;
        this.peer = peer;
        this.echo = echo;
        this.quick = quick;
    }

    static List<Figure> run(boolean quick, List<String> notes) throws Exception {
        List<String[]> modules = new ArrayList<>();
        for (int baud : BAUDS) {
            modules.add(new String[] {module(baud), "emulator:ML307R?baud=" + baud});
        }
        try (Peer peer = new Peer(); TcpEchoServer echo = TcpEchoServer.start();
             Gateway gateway = Gateway.start("goodput", Gateway.containerFlags(), modules, false, List.of())) {
            GoodputSuite suite = new GoodputSuite(gateway, peer, echo, quick);
            for (int baud : BAUDS) {
                for (int size : SIZES) {
                    if (!selected(baud, size)) {
                        continue;
                    }
                    try {
                        suite.cell(baud, size);
                    } catch (Exception e) {
                        e.printStackTrace();
                        notes.add("Goodput cell " + size + " B @" + baud + " failed: `" + e + "`");
                    }
                }
            }
            return suite.figures;
        }
    }

    /** {@code BENCH_CELLS=1460@921600,512@115200} runs only those cells (all when unset). */
    private static boolean selected(int baud, int size) {
        String cells = System.getenv("BENCH_CELLS");
        return cells == null || cells.isBlank() || java.util.Arrays.asList(cells.split(",")).contains(size + "@" + baud);
    }

    private static String module(int baud) {
        return "m" + baud;
    }

    /** Bytes one cell moves: about this many seconds of the line. */
    private long total(int baud, int size, boolean download) {
        long bytes = download && !quick ? 256 * 1024 : (long) (baud / 10.0 * (quick ? 0.6 : 6));
        return Math.max(size, bytes / size * size);
    }

    private void cell(int baud, int size) throws Exception {
        byte[] message = new byte[size];
        new Random(size).nextBytes(message);
        double line = baud / 10.0;
        String at = size + " B @" + baud;
        try (HexBaseline hex = new HexBaseline(baud)) {
            long total = total(baud, size, false);
            double baseTcp = baseUpload(hex, "TCP", message, total);
            add("upload TCP " + at, upload("TCP", baud, message, total, false), baseTcp, line,
                    size == 1460 ? 0.90 : 0);
            if (size == 512 || size == 1460) {
                add("upload TCP pipelined " + at, upload("TCP", baud, message, total, true), baseTcp, line,
                        size == 1460 ? 0.90 : 0.80);
            }
            if (size <= 1460) {
                add("upload UDP " + at, upload("UDP", baud, message, total, false), baseUpload(hex, "UDP", message, total),
                        line, 0);
            }
            long burst = total(baud, size, true);
            double base = baseDownload(hex, message, burst);
            add("download normal " + at, download(baud, message, burst, null), base, line, 0);
            add("download streamBuffer " + at, download(baud, message, burst, "streamBuffer"), base, line, 0);
            add("echo x1 " + at, echo(baud, message, total, 1), baseEcho(hex, message, total, 1), line, 0);
            add("echo x3 " + at, echo(baud, message, total, 3), baseEcho(hex, message, total, 3), line, 0);
            add("echo transparent " + at, echoTransparent(baud, message, total), baseEcho(hex, message, total, 1),
                    line, 0);
        }
    }

    /** Records goodput as a fraction of the line; a one-way 1460 B figure carries the issue's targets. */
    private void add(String name, double bytesPerSecond, double baselineBytesPerSecond, double line, double target) {
        Figure f = Figure.of("1 goodput", name, bytesPerSecond / line, "of line")
                .against(baselineBytesPerSecond / line, "HEX inline");
        if (target > 0) {
            boolean met = f.value() >= target && f.ratio() >= 1.8;
            f = f.target(">= " + Math.round(target * 100) + " % of line and >= 1.8x HEX", met);
        }
        figures.add(f);
        System.out.printf("  %-36s %5.1f %% of line, HEX baseline %5.1f %%%n", name, 100 * f.value(),
                100 * f.baseline());
    }

    /** One-way upload; {@code pipelined}: sends queued with {@code async=true} instead of one request at a time. */
    private double upload(String protocol, int baud, byte[] message, long total, boolean pipelined) throws Exception {
        String module = module(baud);
        boolean udp = protocol.equals("UDP");
        int id = gateway.open(module, protocol, udp ? peer.udpPort() : peer.tcpPort(), null);
        var counter = udp ? peer.udpBytes : peer.tcpBytes;
        long start = counter.get();
        long t0 = System.nanoTime();
        for (long sent = 0; sent < total; sent += message.length) {
            if (pipelined) {
                gateway.sendQueued(module, id, message);
            } else {
                gateway.send(module, id, message);
            }
        }
        boolean all = Peer.await(counter, start + total, 30_000);
        long elapsed = System.nanoTime() - t0;
        gateway.close(module, id);
        return all ? total / (elapsed / 1e9) : (counter.get() - start) / (elapsed / 1e9);
    }

    private double baseUpload(HexBaseline hex, String protocol, byte[] message, long total) throws Exception {
        boolean udp = protocol.equals("UDP");
        var counter = udp ? peer.udpBytes : peer.tcpBytes;
        hex.open(0, protocol, udp ? peer.udpPort() : peer.tcpPort());
        long start = counter.get();
        long t0 = System.nanoTime();
        for (long sent = 0; sent < total; sent += message.length) {
            hex.send(0, message);
        }
        Peer.await(counter, start + total, 30_000);
        long elapsed = System.nanoTime() - t0;
        hex.close(0);
        return (counter.get() - start) / (elapsed / 1e9);
    }

    private double download(int baud, byte[] message, long burst, String mode) throws Exception {
        String module = module(baud);
        int index = peer.acceptedCount();
        int id = gateway.open(module, "TCP", peer.tcpPort(), mode);
        Socket s = peer.connection(index);
        long t0 = System.nanoTime();
        Peer.pourInBackground(s, message, burst);
        long received = readBack(module, id, burst);
        long elapsed = System.nanoTime() - t0;
        gateway.close(module, id);
        return received / (elapsed / 1e9);
    }

    private double baseDownload(HexBaseline hex, byte[] message, long burst) throws Exception {
        int index = peer.acceptedCount();
        hex.open(0, "TCP", peer.tcpPort());
        Socket s = peer.connection(index);
        hex.resetReceived();
        long t0 = System.nanoTime();
        Peer.pourInBackground(s, message, burst);
        hex.awaitReceived(burst);
        long elapsed = System.nanoTime() - t0;
        hex.close(0);
        return burst / (elapsed / 1e9);
    }

    /** Each connection sends its share in messages, then reads the echo back; one direction's bytes count. */
    private double echo(int baud, byte[] message, long total, int connections) throws Exception {
        String module = module(baud);
        int[] ids = new int[connections];
        for (int i = 0; i < connections; i++) {
            ids[i] = gateway.open(module, "TCP", echo.port(), null);
        }
        long share = Math.max(message.length, total / connections / message.length * message.length);
        long t0 = System.nanoTime();
        long moved = 0;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> done = new ArrayList<>();
            for (int id : ids) {
                done.add(threads.submit(() -> {
                    for (long sent = 0; sent < share; sent += message.length) {
                        gateway.send(module, id, message);
                    }
                    return readBack(module, id, share);
                }));
            }
            for (Future<Long> f : done) {
                moved += f.get();
            }
        }
        long elapsed = System.nanoTime() - t0;
        for (int id : ids) {
            gateway.close(module, id);
        }
        return moved / (elapsed / 1e9);
    }

    /**
     * Echo through one transparent connection: no command or prompt shares the line, so messages go out while the
     * echoes of earlier ones come back (the serial line is full duplex), and the client sends and reads at once.
     */
    private double echoTransparent(int baud, byte[] message, long total) throws Exception {
        String module = module(baud);
        int id = gateway.open(module, "TCP", echo.port(), "transparent");
        long t0 = System.nanoTime();
        long back;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> sending = threads.submit(() -> {
                for (long sent = 0; sent < total; sent += message.length) {
                    gateway.send(module, id, message);
                }
                return null;
            });
            back = readBack(module, id, total);
            sending.get();
        }
        long elapsed = System.nanoTime() - t0;
        gateway.close(module, id);
        return back / (elapsed / 1e9);
    }

    /** Reads a connection until {@code expected} bytes came back or two minutes passed; returns what came. */
    private long readBack(String module, int id, long expected) throws Exception {
        long back = 0;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (back < expected && System.nanoTime() < deadline) {
            byte[] chunk = gateway.read(module, id, 65536);
            if (chunk.length == 0) {
                Thread.sleep(0, 500_000);
            }
            back += chunk.length;
        }
        return back;
    }

    /** The HEX baseline's echo: every connection's messages in turn, then the echoes read from URC lines. */
    private double baseEcho(HexBaseline hex, byte[] message, long total, int connections) throws Exception {
        for (int id = 0; id < connections; id++) {
            hex.open(id, "TCP", echo.port());
        }
        long share = Math.max(message.length, total / connections / message.length * message.length);
        hex.resetReceived();
        long t0 = System.nanoTime();
        for (long sent = 0; sent < share; sent += message.length) {
            for (int id = 0; id < connections; id++) {
                hex.send(id, message);
            }
        }
        hex.awaitReceived(share * connections);
        long elapsed = System.nanoTime() - t0;
        for (int id = 0; id < connections; id++) {
            hex.close(id);
        }
        return share * connections / (elapsed / 1e9);
    }

    static String describe() {
        return "sizes " + Arrays.toString(SIZES) + ", bauds " + Arrays.toString(BAUDS);
    }
}
