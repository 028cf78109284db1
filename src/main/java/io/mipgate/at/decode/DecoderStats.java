package io.mipgate.at.decode;

import java.util.Map;

/**
 * A snapshot of the decoder's counters, for metrics (STYLE §15).
 *
 * @param bytesIn          every byte fed
 * @param payloadBytes     decoded payload bytes of {@code +MIPURC} data and {@code +MIPRD} data lines
 * @param transparentBytes bytes delivered as transparent data
 * @param discardedBytes   bytes thrown away (unknown/malformed lines, stray bytes, overlong lines)
 * @param discardedEvents  {@link AtEvent.Discarded} events emitted
 * @param overlongLines    lines longer than the line limit
 * @param eventsByKind     events emitted, by record simple name ({@code "DataReceived"}, {@code "Ok"}, …)
 */
public record DecoderStats(long bytesIn, long payloadBytes, long transparentBytes, long discardedBytes,
                           long discardedEvents, long overlongLines, Map<String, Long> eventsByKind) {

    public DecoderStats {
        eventsByKind = Map.copyOf(eventsByKind);
    }

    public long events(Class<? extends AtEvent> kind) {
        return eventsByKind.getOrDefault(kind.getSimpleName(), 0L);
    }
}
