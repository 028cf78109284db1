package io.mipgate.emulator;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces bytes at a serial line rate: 10 bit times per byte (8N1), i.e. baud/10 bytes per second. Rate 0 = unlimited.
 * One instance per direction.
 */
final class LineRate {

    /**
     * A caller back within this long after its previous pacing kept the line busy all along (its bytes were waiting);
     * the time the pacing thread overslept is then not charged as an idle gap a real UART would not have had.
     */
    private static final long BACK_TO_BACK_NANOS = 150_000;

    private volatile int baud;
    private long nextFree;
    private long lastReturn;

    LineRate(int baud) {
        this.baud = baud;
    }

    void setBaud(int rate) {
        if (rate < 0) {
            throw new IllegalArgumentException("baud rate must be >= 0: " + rate);
        }
        this.baud = rate;
    }

    int baud() {
        return baud;
    }

    /** Largest chunk worth pacing in one step: about 5 ms of line time. */
    int chunkSize() {
        int rate = baud;
        return rate <= 0 ? Integer.MAX_VALUE : Math.max(1, rate / 10 / 200);
    }

    /** Blocks until {@code bytes} have had time to cross the line after everything paced before them. */
    void pace(int bytes) {
        int rate = baud;
        if (rate <= 0) {
            return;
        }
        long wakeAt;
        synchronized (this) {
            long now = System.nanoTime();
            boolean backToBack = now - lastReturn < BACK_TO_BACK_NANOS;
            long start = backToBack ? Math.max(nextFree, now - BACK_TO_BACK_NANOS) : Math.max(now, nextFree);
            nextFree = start + bytes * 10L * 1_000_000_000L / rate;
            wakeAt = nextFree;
        }
        long wait;
        while ((wait = wakeAt - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        synchronized (this) {
            lastReturn = System.nanoTime();
        }
    }
}
