package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The paced line never carries bytes faster than baud/10 per second, also when a caller paces back to back. */
class LineRateTest {

    @Test
    void backToBackChunksNeverBeatTheLine() {
        LineRate line = new LineRate(921_600);
        int chunk = line.chunkSize();
        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            line.pace(chunk);
        }
        long elapsed = System.nanoTime() - started;
        long lineTime = 40L * chunk * 10 * 1_000_000_000L / 921_600;
        assertThat(elapsed).isGreaterThanOrEqualTo(lineTime);
    }
}
