package io.mipgate.transport;

import java.io.Closeable;
import java.io.IOException;

/**
 * A full-duplex byte link to one module: a serial port, a TCP serial server, or an in-process peer.
 *
 * <p>The shape is Zephyr's {@code modem_pipe}: open, read, write, close and nothing else. Framing, AT grammar and
 * timeouts live above this interface, so every link type is interchangeable and the core is tested through
 * {@link InProcessLink}.
 *
 * <p>Threading contract: one reader thread and one writer thread may use a link at the same time, and
 * {@link #close()} may be called from any thread. A link is single-use: once closed it cannot be reopened; recovery
 * creates a fresh link from the same {@link LinkSpec} (the way ModemManager re-runs its whole port set-up on every
 * reopen).
 */
public interface Link extends Closeable {

    /**
     * Connects the link. Calling it on a link that is already open does nothing.
     *
     * @throws IOException if the device, host or peer cannot be reached; a missing serial device is reported as a
     *         {@link java.nio.file.NoSuchFileException} naming the path
     * @throws IllegalStateException if the link has already been closed
     */
    void open() throws IOException;

    /**
     * Blocks until at least one byte is available, the peer reaches end of stream, or the link is closed.
     *
     * @return the number of bytes read (at least 1 when {@code len > 0}), or -1 at end of stream, after the device
     *         went away, or once {@link #close()} has been called (also from another thread, which must wake a
     *         blocked reader promptly)
     * @throws IOException on a transport error other than an orderly end of stream
     */
    int read(byte[] buffer, int offset, int len) throws IOException;

    /**
     * Writes all {@code len} bytes, blocking while the link applies back-pressure.
     *
     * @throws IOException if the link is closed or broken before every byte was handed over
     */
    void write(byte[] buffer, int offset, int len) throws IOException;

    /** Writes all of {@code bytes}. */
    default void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    /** Closes the link and wakes any blocked reader or writer. Idempotent. */
    @Override
    void close();

    /** A short human-readable identity for logs, e.g. {@code serial:/dev/ttyUSB2@115200}. */
    String describe();
}
