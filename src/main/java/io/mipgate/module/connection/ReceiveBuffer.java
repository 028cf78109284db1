package io.mipgate.module.connection;

/**
 * The gateway-side receive buffer of one connection: a bounded byte ring. Each byte is handed out exactly once, in
 * arrival order. What does not fit is refused and reported to the caller, who decides the policy (stop reading from
 * the module in buffer modes, count a drop in push modes).
 */
public final class ReceiveBuffer {

    private final byte[] ring;
    private int head;
    private int size;
    private int highWaterMark;
    /** The stream offset of the oldest byte held: how many bytes were taken or acknowledged before it. */
    private long start;

    public ReceiveBuffer(int capacity) {
        this.ring = new byte[capacity];
    }

    public synchronized int capacity() {
        return ring.length;
    }

    public synchronized int size() {
        return size;
    }

    public synchronized int free() {
        return ring.length - size;
    }

    /** Stream offset of the first byte held (bytes handed out and acknowledged so far). */
    public synchronized long start() {
        return start;
    }

    /** Stream offset just past the last byte received. */
    public synchronized long end() {
        return start + size;
    }

    public synchronized int highWaterMark() {
        return highWaterMark;
    }

    /** Appends as much as fits; returns the number of bytes accepted. */
    public synchronized int append(byte[] data, int offset, int length) {
        int accepted = Math.min(length, ring.length - size);
        int tail = (head + size) % ring.length;
        int first = Math.min(accepted, ring.length - tail);
        System.arraycopy(data, offset, ring, tail, first);
        System.arraycopy(data, offset + first, ring, 0, accepted - first);
        size += accepted;
        highWaterMark = Math.max(highWaterMark, size);
        return accepted;
    }

    /** Removes and returns up to {@code max} bytes. */
    public synchronized byte[] take(int max) {
        byte[] out = copy(Math.min(max, size));
        release(out.length);
        return out;
    }

    /**
     * Releases every byte before stream offset {@code offset} (the client confirmed them) and returns up to
     * {@code max} bytes from there on, which stay held until a later call confirms them.
     *
     * @throws IllegalArgumentException unless {@code start() <= offset <= end()}
     */
    public synchronized byte[] confirmAndPeek(long offset, int max) {
        if (offset < start || offset > start + size) {
            throw new IllegalArgumentException("offset " + offset + " outside [" + start + ", " + (start + size) + "]");
        }
        release((int) (offset - start));
        return copy(Math.min(max, size));
    }

    private byte[] copy(int n) {
        byte[] out = new byte[n];
        int first = Math.min(n, ring.length - head);
        System.arraycopy(ring, head, out, 0, first);
        System.arraycopy(ring, 0, out, first, n - first);
        return out;
    }

    private void release(int n) {
        head = (head + n) % ring.length;
        size -= n;
        start += n;
        notifyAll();
    }

    /** Waits until at least {@code bytes} are free, or the timeout passes; returns whether they are. */
    public synchronized boolean awaitFree(int bytes, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (ring.length - size < bytes) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
