package io.mipgate.store.history;

import java.time.Instant;

/** One MIPSACK reading as read back for a time series. */
public record SackPoint(Instant at, long sent, long acked, long nack, long received) {
}
