package io.mipgate.module;

import java.time.Instant;

/** One AT+MIPSACK reading: bytes sent, acknowledged, not yet acknowledged, received. */
public record SackSample(Instant at, long sent, long acked, long nack, long received) {
}
