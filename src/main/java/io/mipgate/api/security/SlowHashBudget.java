package io.mipgate.api.security;

import java.util.function.LongSupplier;

/**
 * How many slow hash checks (bcrypt, scrypt, argon2, pbkdf2) the gateway runs for secrets it has not verified
 * before: a token bucket shared by every kind of credential. A right secret is checked once and then recognised by
 * its SHA-256; a wrong one can only be told apart by the slow hash, so without a cap a stream of wrong Basic
 * passwords, unknown users or wrong bcrypt tokens keeps the CPU busy hashing (issue 16, defect 4). Past the budget a
 * check is deferred (429 with a problem) without hashing, for known and unknown users alike, so refusing faster
 * tells nobody which users exist.
 */
final class SlowHashBudget {

    /** A burst of first logins after a restart passes; a steady attack gets two checks a second (cost 10: ~15% of a core). */
    static final int DEFAULT_BURST = 10;
    static final long DEFAULT_REFILL_NANOS = 500_000_000L;

    private final int burst;
    private final long refillNanos;
    private final LongSupplier nanoTime;
    private long tokens;
    private long refilledAt;

    SlowHashBudget(int burst, long refillNanos, LongSupplier nanoTime) {
        if (burst < 1 || refillNanos < 1) {
            throw new IllegalArgumentException("a slow hash budget needs a burst and a refill period");
        }
        this.burst = burst;
        this.refillNanos = refillNanos;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.refilledAt = nanoTime.getAsLong();
    }

    SlowHashBudget() {
        this(DEFAULT_BURST, DEFAULT_REFILL_NANOS, System::nanoTime);
    }

    /** Takes one check from the budget, or answers false when none is left. */
    synchronized boolean tryAcquire() {
        long now = nanoTime.getAsLong();
        long earned = (now - refilledAt) / refillNanos;
        if (earned > 0) {
            tokens = Math.min(burst, tokens + earned);
            refilledAt = tokens == burst ? now : refilledAt + earned * refillNanos;
        }
        if (tokens == 0) {
            return false;
        }
        tokens--;
        return true;
    }

    /** Seconds until the next check can run, for a {@code Retry-After} header. */
    long retryAfterSeconds() {
        return Math.max(1, (refillNanos + 999_999_999L) / 1_000_000_000L);
    }
}
