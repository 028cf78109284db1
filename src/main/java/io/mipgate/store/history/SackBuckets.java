package io.mipgate.store.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Folds MIPSACK readings (oldest first) into fixed time buckets for a dashboard.
 *
 * <p>Bucket {@code k} covers {@code [from + k·step, from + (k+1)·step)}. It carries the <em>last</em> reading in it
 * (MIPSACK counters are cumulative per connection, so the last value is the state at the bucket's end) and the
 * <em>delta</em> to the previous non-empty bucket's last reading: bytes sent, acknowledged and received during the
 * bucket. When a counter goes down (the connection was reopened and the module restarted counting) the delta is the
 * new value itself. {@code nack} is a level (bytes in flight), so its delta is only a change. Empty buckets are
 * left out.
 */
public final class SackBuckets {

    private SackBuckets() {
    }

    public record Bucket(Instant start, Instant lastSampleAt, int samples, long sent, long acked, long nack,
                         long received, long sentDelta, long ackedDelta, long nackDelta, long receivedDelta) {
    }

    /** How many buckets a range has; the API refuses ranges with too many. */
    public static long bucketCount(Instant from, Instant to, Duration step) {
        long rangeNanos = Duration.between(from, to).toNanos();
        long stepNanos = step.toNanos();
        return (rangeNanos + stepNanos - 1) / stepNanos;
    }

    public static List<Bucket> aggregate(Iterator<SackPoint> points, Instant from, Duration step) {
        List<Bucket> buckets = new ArrayList<>();
        long stepMillis = Math.max(1, step.toMillis());
        SackPoint previousLast = null;
        SackPoint last = null;
        long currentIndex = -1;
        int count = 0;
        while (points.hasNext()) {
            SackPoint p = points.next();
            long index = Math.floorDiv(Duration.between(from, p.at()).toMillis(), stepMillis);
            if (index != currentIndex && last != null) {
                buckets.add(bucket(from, stepMillis, currentIndex, count, last, previousLast));
                previousLast = last;
                count = 0;
            }
            currentIndex = index;
            last = p;
            count++;
        }
        if (last != null) {
            buckets.add(bucket(from, stepMillis, currentIndex, count, last, previousLast));
        }
        return buckets;
    }

    private static Bucket bucket(Instant from, long stepMillis, long index, int count, SackPoint last,
                                 SackPoint previous) {
        return new Bucket(from.plusMillis(index * stepMillis), last.at(), count, last.sent(), last.acked(),
                last.nack(), last.received(),
                delta(last.sent(), previous == null ? null : previous.sent()),
                delta(last.acked(), previous == null ? null : previous.acked()),
                previous == null ? 0 : last.nack() - previous.nack(),
                delta(last.received(), previous == null ? null : previous.received()));
    }

    /** Counter delta; the first bucket has nothing to compare with and reports 0, a reset counter its new value. */
    private static long delta(long value, Long previous) {
        if (previous == null) {
            return 0;
        }
        return value >= previous ? value - previous : value;
    }
}
