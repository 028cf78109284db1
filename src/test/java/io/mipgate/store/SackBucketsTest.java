package io.mipgate.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.store.history.SackBuckets;
import io.mipgate.store.history.SackBuckets.Bucket;
import io.mipgate.store.history.SackPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SackBucketsTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static SackPoint p(int second, long sent, long acked, long nack, long received) {
        return new SackPoint(T0.plusSeconds(second), sent, acked, nack, received);
    }

    @Test
    void lastSamplePerBucketWithDeltasAndGapsLeftOut() {
        List<Bucket> buckets = SackBuckets.aggregate(List.of(
                p(0, 10, 5, 5, 1), p(50, 100, 80, 20, 10),
                p(190, 300, 250, 50, 40)).iterator(), T0, Duration.ofMinutes(1));

        assertThat(buckets).hasSize(2);
        assertThat(buckets.get(0).start()).isEqualTo(T0);
        assertThat(buckets.get(0).samples()).isEqualTo(2);
        assertThat(buckets.get(0).sent()).isEqualTo(100);
        assertThat(buckets.get(0).sentDelta()).as("nothing before the first bucket").isZero();
        assertThat(buckets.get(1).start()).isEqualTo(T0.plusSeconds(180));
        assertThat(buckets.get(1).sentDelta()).isEqualTo(200);
        assertThat(buckets.get(1).ackedDelta()).isEqualTo(170);
        assertThat(buckets.get(1).nackDelta()).isEqualTo(30);
        assertThat(buckets.get(1).receivedDelta()).isEqualTo(30);
    }

    @Test
    void aCounterThatWentDownRestartedCounting() {
        List<Bucket> buckets = SackBuckets.aggregate(List.of(p(0, 500, 500, 0, 0), p(60, 40, 30, 10, 5)).iterator(),
                T0, Duration.ofMinutes(1));
        assertThat(buckets.get(1).sentDelta()).isEqualTo(40);
        assertThat(buckets.get(1).receivedDelta()).isEqualTo(5);
    }

    @Test
    void bucketCountRoundsUp() {
        assertThat(SackBuckets.bucketCount(T0, T0.plusSeconds(61), Duration.ofMinutes(1))).isEqualTo(2);
        assertThat(SackBuckets.bucketCount(T0, T0.plusSeconds(60), Duration.ofMinutes(1))).isEqualTo(1);
    }
}
