package io.mipgate.store.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** MIPSACK time series: streams the readings of a range and folds them into buckets (see {@link SackBuckets}). */
@Service
public class SackHistory {

    private final SackSampleRepository samples;

    public SackHistory(SackSampleRepository samples) {
        this.samples = samples;
    }

    @Transactional(readOnly = true)
    public List<SackBuckets.Bucket> buckets(String box, String moduleId, int connectId, Instant from, Instant to,
                                            Duration step) {
        try (Stream<SackPoint> points = samples.streamSeries(box, moduleId, connectId, from, to)) {
            return SackBuckets.aggregate(points.iterator(), from, step);
        }
    }
}
