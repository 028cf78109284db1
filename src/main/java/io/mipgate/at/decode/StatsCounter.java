package io.mipgate.at.decode;

import java.util.HashMap;
import java.util.Map;

/** The decoder's live counters; {@link #snapshot()} hands out an immutable copy. */
final class StatsCounter {

    long bytesIn;
    long payloadBytes;
    long transparentBytes;
    long discardedBytes;
    long discardedEvents;
    long overlongLines;
    private final Map<Class<?>, long[]> byKind = new HashMap<>();

    void count(AtEvent event) {
        byKind.computeIfAbsent(event.getClass(), k -> new long[1])[0]++;
        if (event instanceof AtEvent.Discarded discarded) {
            discardedEvents++;
            discardedBytes += discarded.length();
        }
    }

    DecoderStats snapshot() {
        Map<String, Long> events = new HashMap<>();
        byKind.forEach((kind, n) -> events.put(kind.getSimpleName(), n[0]));
        return new DecoderStats(bytesIn, payloadBytes, transparentBytes, discardedBytes, discardedEvents,
                overlongLines, events);
    }
}
