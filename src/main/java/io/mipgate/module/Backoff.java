package io.mipgate.module;

import java.time.Duration;

/** Capped exponential back-off between recovery attempts. */
record Backoff(Duration initial, Duration max) {

    /** The delay before attempt {@code n} (1-based): initial × 2^(n-1), capped. */
    Duration delay(int attempt) {
        if (attempt <= 1) {
            return initial;
        }
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration next = initial.multipliedBy(factor);
        return next.compareTo(max) > 0 ? max : next;
    }
}
