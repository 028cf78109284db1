package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * An unknown API key must cost what a right one costs: no bcrypt check per unknown key (issue 16, defect 4). The
 * suite's gateway also holds a bcrypt key at the production cost (10), which every unknown key used to be checked
 * against. Prints the p50/p90 of wrong-key and right-key requests; it asserts only what does not depend on the
 * machine's speed (each wrong key is a 401 problem), the figures are for the reader.
 */
class WrongKeyLatencyApiTest extends HardeningApiTestBase {

    private static final int REQUESTS = 60;

    @Test
    void aWrongKeyIsRefusedAsFastAsARightKeyIsServed() {
        for (int i = 0; i < 5; i++) {
            get("/api/v1/modules", VIEWER);
            get("/api/v1/modules", PRODUCTION_COST_KEY);
        }
        long[] wrong = new long[REQUESTS];
        long[] right = new long[REQUESTS];
        long[] rightBcrypt = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long started = System.nanoTime();
            get("/api/v1/modules", "wrong-" + i + "-key-0123456789").problem(401, "unauthorized");
            wrong[i] = System.nanoTime() - started;
            started = System.nanoTime();
            assertThat(get("/api/v1/modules", VIEWER).status()).isEqualTo(200);
            right[i] = System.nanoTime() - started;
            started = System.nanoTime();
            assertThat(get("/api/v1/modules", PRODUCTION_COST_KEY).status()).isEqualTo(200);
            rightBcrypt[i] = System.nanoTime() - started;
        }
        System.out.printf("API key latency over %d requests each: wrong key p50 %.2f ms p90 %.2f ms; right {sha256}"
                        + " key p50 %.2f ms; right {bcrypt} key (cost 10) p50 %.2f ms%n", REQUESTS, p(wrong, 50),
                p(wrong, 90), p(right, 50), p(rightBcrypt, 50));
    }

    private static double p(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }
}
