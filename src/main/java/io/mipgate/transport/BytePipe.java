package io.mipgate.transport;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded one-way byte channel: a ring buffer with back-pressure, like the UART FIFO plus driver buffer it stands
 * in for. A writer blocks while the buffer is full instead of dropping bytes; a reader blocks while it is empty.
 *
 * <p>Two ways to end it, matching the two ends of a real link: {@link #closeWriter()} is an orderly end of stream
 * (the reader drains what is buffered, then sees -1); {@link #closeReader()} abandons the stream (the reader sees -1
 * at once, buffered bytes are dropped, and writers fail).
 *
 * <p>An optional {@code maxReadChunk} caps how many bytes one read returns, to force the fragmentation that a real
 * UART produces (Zephyr's mock pipe does the same). Safe for any number of threads; built for one reader and one
 * writer.
 */
public final class BytePipe {

    public static final int UNLIMITED_CHUNK = Integer.MAX_VALUE;

    private final byte[] ring;
    private final int maxReadChunk;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private int head; // next byte to read
    private int count;
    private int highWaterMark;
    private boolean writerClosed;
    private boolean readerClosed;

    public BytePipe(int capacity, int maxReadChunk) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        if (maxReadChunk < 1) {
            throw new IllegalArgumentException("maxReadChunk must be positive: " + maxReadChunk);
        }
        this.ring = new byte[capacity];
        this.maxReadChunk = maxReadChunk;
    }

    /**
     * Blocks until bytes are available, then copies up to {@code min(len, maxReadChunk)} of them.
     *
     * @return bytes read, or -1 once the writer has closed and the buffer is drained, or once the reader side has
     *         been closed
     */
    public int read(byte[] buffer, int offset, int len) throws IOException {
        Objects.checkFromIndexSize(offset, len, buffer.length);
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (count == 0 && !writerClosed && !readerClosed) {
                notEmpty.await();
            }
            if (readerClosed || count == 0) {
                return -1;
            }
            int n = Math.min(Math.min(len, count), maxReadChunk);
            int first = Math.min(n, ring.length - head);
            System.arraycopy(ring, head, buffer, offset, first);
            System.arraycopy(ring, 0, buffer, offset + first, n - first);
            head = (head + n) % ring.length;
            count -= n;
            notFull.signalAll();
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Copies all {@code len} bytes in, blocking while the buffer is full.
     *
     * @throws IOException if either side is closed before every byte went in
     */
    public void write(byte[] buffer, int offset, int len) throws IOException {
        Objects.checkFromIndexSize(offset, len, buffer.length);
        lock.lock();
        try {
            while (len > 0) {
                while (count == ring.length && !writerClosed && !readerClosed) {
                    notFull.await();
                }
                if (writerClosed) {
                    throw new IOException("pipe closed for writing");
                }
                if (readerClosed) {
                    throw new IOException("pipe closed by the reading side");
                }
                int tail = (head + count) % ring.length;
                int n = Math.min(len, ring.length - count);
                int first = Math.min(n, ring.length - tail);
                System.arraycopy(buffer, offset, ring, tail, first);
                System.arraycopy(buffer, offset + first, ring, 0, n - first);
                count += n;
                highWaterMark = Math.max(highWaterMark, count);
                offset += n;
                len -= n;
                notEmpty.signalAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing");
        } finally {
            lock.unlock();
        }
    }

    /** Orderly end of stream: the reader drains what is buffered, then reads -1. Idempotent. */
    public void closeWriter() {
        lock.lock();
        try {
            writerClosed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Abandons the stream: a blocked reader returns -1 now and writers fail. Idempotent. */
    public void closeReader() {
        lock.lock();
        try {
            readerClosed = true;
            count = 0;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public int capacity() {
        return ring.length;
    }

    /** Bytes buffered right now. */
    public int available() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** The most bytes ever buffered at once: how close the reader came to stalling the writer. */
    public int highWaterMark() {
        lock.lock();
        try {
            return highWaterMark;
        } finally {
            lock.unlock();
        }
    }
}
