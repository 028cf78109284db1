package io.mipgate.api.history;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of the history endpoints (never entities). */
public final class HistoryDtos {

    private HistoryDtos() {
    }

    /** One page of a newest-first list. */
    public record PageDto<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    }

    /**
     * One connection lifetime. {@code receivedBytes}: as of the last counter checkpoint. {@code lostUnreadBytes} and
     * {@code lostUnaccountedBytes}: set when a gateway run ended without seeing the lifetime close and the next run
     * accounted for the bytes lost with it (README, "Crash safety"); unaccounted is null when the module could not
     * tell.
     */
    public record ConnectionLifetimeDto(String moduleId, String box, int connectId, long generation, String protocol,
                                        String remoteHost, Integer remotePort, String mode, String state,
                                        Instant openedAt, Instant closedAt, String closeReason, Long receivedBytes,
                                        Long lostUnreadBytes, Long lostUnaccountedBytes,
                                        List<TransitionDto> transitions) {
    }

    public record TransitionDto(Instant at, String from, String to, String reason) {
    }

    /**
     * A MIPSACK time series. {@code aggregation} names the bucket rule: the last reading per bucket plus deltas to
     * the previous non-empty bucket.
     */
    public record SackSeriesDto(String moduleId, String box, int connectId, Instant from, Instant to, String step,
                                String aggregation, List<SackBucketDto> buckets) {
    }

    public record SackBucketDto(Instant start, Instant lastSampleAt, int samples, long sent, long acked, long nack,
                                long received, long sentDelta, long ackedDelta, long nackDelta, long receivedDelta) {
    }

    public record JobDto(long id, String command, String outcome, Integer cmeCode, String cmeName, String detail,
                         Instant queuedAt, Instant startedAt, Instant finishedAt, Long waitMillis, Long runMillis) {
    }

    public record PingDto(Instant at, String host, Integer sent, Integer lost, int replies, Double lossRatio,
                          Integer rttMinMs, Integer rttAvgMs, Integer rttMaxMs) {
    }
}
