package io.mipgate.transport;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One end of an in-memory full-duplex link: two {@link BytePipe}s crossed over. The default link for tests and for
 * the in-process emulator, since it behaves like a serial line (bounded buffers, back-pressure, fragmentation on
 * demand, end of stream when the other side goes away) without a device.
 *
 * <p>Ends are connected from birth, so {@link #open()} only checks the end has not been closed.
 */
public final class InProcessLink implements Link {

    /** Per direction; generous next to a UART driver's few KiB so only tests that ask for back-pressure see it. */
    public static final int DEFAULT_CAPACITY = 64 * 1024;

    private static final AtomicInteger PAIRS = new AtomicInteger();

    private final String name;
    private final BytePipe inbound;
    private final BytePipe outbound;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** The two connected ends: one for the gateway, one for the module or emulator. */
    public record Pair(InProcessLink gatewaySide, InProcessLink moduleSide) {
    }

    private InProcessLink(String name, BytePipe inbound, BytePipe outbound) {
        this.name = name;
        this.inbound = inbound;
        this.outbound = outbound;
    }

    public static Pair pair() {
        return pair(DEFAULT_CAPACITY, BytePipe.UNLIMITED_CHUNK);
    }

    /**
     * @param capacity bytes buffered per direction before a writer blocks
     * @param maxReadChunk most bytes a single read returns, in both directions; small values force the fragmentation
     *        a decoder must survive
     */
    public static Pair pair(int capacity, int maxReadChunk) {
        BytePipe toModule = new BytePipe(capacity, maxReadChunk);
        BytePipe toGateway = new BytePipe(capacity, maxReadChunk);
        int id = PAIRS.incrementAndGet();
        return new Pair(new InProcessLink("inproc:" + id + "/gateway", toGateway, toModule),
                new InProcessLink("inproc:" + id + "/module", toModule, toGateway));
    }

    @Override
    public void open() {
        if (closed.get()) {
            throw new IllegalStateException(name + " is closed; create a new pair");
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int len) throws IOException {
        return inbound.read(buffer, offset, len);
    }

    @Override
    public void write(byte[] buffer, int offset, int len) throws IOException {
        outbound.write(buffer, offset, len);
    }

    /**
     * Our reader returns -1 at once; the peer drains what we already wrote and then reads -1; writes from either
     * side fail from now on.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            outbound.closeWriter();
            inbound.closeReader();
        }
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public String toString() {
        return describe();
    }
}
