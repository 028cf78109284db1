package io.mipgate.transport.pty;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Reads and writes on a pty master fd so that {@link #close()} wakes a blocked reader or writer at once.
 *
 * <p>A blocking {@code read(2)} is not woken by another thread closing the fd, so the master is non-blocking and
 * every wait is a {@code poll(2)} on the master plus a wake-up pipe. Close writes one byte to the pipe, which is
 * never drained, so every present and future poll returns. The fds are closed only under the write lock, after all
 * pollers (holding the read lock) have left; a stale fd number is therefore never passed to the kernel.
 */
final class PtyMaster {

    private static final int CHUNK = 64 * 1024;

    private final LibC libc;
    private final int fd;
    private final int wakeRead;
    private final int wakeWrite;
    private final ReentrantReadWriteLock fdLock = new ReentrantReadWriteLock();
    private final Object readMutex = new Object();
    private final Object writeMutex = new Object();
    // One set per direction, each guarded by its mutex: native memory is too costly to allocate per call.
    private final Memory readBuffer = new Memory(CHUNK);
    private final Memory writeBuffer = new Memory(CHUNK);
    private final Memory readPollFds = new Memory(16);
    private final Memory writePollFds = new Memory(16);
    private volatile boolean closed;

    PtyMaster(LibC libc, int fd) throws IOException {
        this.libc = libc;
        this.fd = fd;
        int flags = libc.fcntl(fd, LibC.F_GETFL, 0);
        if (flags < 0 || libc.fcntl(fd, LibC.F_SETFL, flags | LibC.O_NONBLOCK) < 0) {
            throw PseudoTerminal.failure(libc, "fcntl(O_NONBLOCK) on pty master");
        }
        int[] pipe = new int[2];
        if (libc.pipe2(pipe, LibC.O_CLOEXEC | LibC.O_NONBLOCK) < 0) {
            throw PseudoTerminal.failure(libc, "pipe2");
        }
        this.wakeRead = pipe[0];
        this.wakeWrite = pipe[1];
    }

    /** @return bytes read, or -1 once closed or when no slave is open any more */
    int read(byte[] buffer, int offset, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, len, buffer.length);
        if (len == 0) {
            return 0;
        }
        synchronized (readMutex) {
            fdLock.readLock().lock();
            try {
                while (!closed) {
                    long n = libc.read(fd, readBuffer, new NativeLong(Math.min(len, CHUNK))).longValue();
                    if (n > 0) {
                        readBuffer.read(0, buffer, offset, (int) n);
                        return (int) n;
                    }
                    int errno = n == 0 ? LibC.EIO : Native.getLastError();
                    if (errno == LibC.EAGAIN) {
                        await(readPollFds, LibC.POLLIN);
                    } else if (errno == LibC.EIO) {
                        return -1; // every slave fd is closed: the serial side hung up
                    } else if (errno != LibC.EINTR) {
                        throw PseudoTerminal.failure(libc, "read on pty master", errno);
                    }
                }
                return -1;
            } finally {
                fdLock.readLock().unlock();
            }
        }
    }

    void write(byte[] buffer, int offset, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, len, buffer.length);
        synchronized (writeMutex) {
            fdLock.readLock().lock();
            try {
                while (len > 0) {
                    if (closed) {
                        throw new IOException("pseudo-terminal closed");
                    }
                    int chunk = Math.min(len, CHUNK);
                    writeBuffer.write(0, buffer, offset, chunk);
                    long n = libc.write(fd, writeBuffer, new NativeLong(chunk)).longValue();
                    if (n > 0) {
                        offset += (int) n;
                        len -= (int) n;
                        continue;
                    }
                    int errno = Native.getLastError();
                    if (errno == LibC.EAGAIN) {
                        await(writePollFds, LibC.POLLOUT); // the slave's input queue is full: back-pressure
                    } else if (errno != LibC.EINTR) {
                        throw PseudoTerminal.failure(libc, "write on pty master", errno);
                    }
                }
            } finally {
                fdLock.readLock().unlock();
            }
        }
    }

    /** Idempotent; wakes blocked callers, waits for them to leave, then closes the fds. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Memory one = new Memory(1);
        one.setByte(0, (byte) 1);
        libc.write(wakeWrite, one, new NativeLong(1));
        fdLock.writeLock().lock();
        try {
            libc.close(fd);
            libc.close(wakeRead);
            libc.close(wakeWrite);
        } finally {
            fdLock.writeLock().unlock();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Blocks without a timeout until the master is ready for {@code events} or close() rang the wake-up pipe. */
    private void await(Memory pollFds, short events) throws IOException {
        pollFds.setInt(0, fd);
        pollFds.setShort(4, events);
        pollFds.setShort(6, (short) 0);
        pollFds.setInt(8, wakeRead);
        pollFds.setShort(12, LibC.POLLIN);
        pollFds.setShort(14, (short) 0);
        while (libc.poll(pollFds, new NativeLong(2), -1) < 0) {
            int errno = Native.getLastError();
            if (errno != LibC.EINTR) {
                throw PseudoTerminal.failure(libc, "poll on pty master", errno);
            }
        }
        if ((pollFds.getShort(6) & LibC.POLLNVAL) != 0) {
            throw new IOException("pty master fd is no longer valid");
        }
        // POLLHUP on the master means no slave is open; the next read reports that as EIO, the next write as EIO.
    }
}
