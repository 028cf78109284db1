package io.mipgate.api.events;

import io.mipgate.module.event.ModuleEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last events of this gateway run, each with its SSE id, so that a client that reconnects with
 * {@code Last-Event-ID} gets what it missed. Ids are {@code <run>.<sequence>}: the run part changes when the gateway
 * restarts, so an id from a previous run is recognised as a gap rather than taken for a recent one. Not thread-safe:
 * its owner ({@link EventStreams}) appends and reads under one lock.
 */
final class EventLog {

    private static final Pattern ID = Pattern.compile("([0-9a-z]{1,16})\\.([0-9]{1,18})");

    /** An event with the id the stream gives it. */
    record Entry(String id, long sequence, ModuleEvent event) {
    }

    /**
     * What a reconnecting client missed.
     *
     * @param missed events that matched no longer held (fell out of the buffer, or the id is from another run);
     *               -1 when the count is unknown (another run)
     */
    record Replay(List<Entry> entries, long missed) {
        boolean gap() {
            return missed != 0;
        }
    }

    private final String run;
    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long sequence;

    EventLog(String run, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("event replay capacity must be at least 1");
        }
        this.run = run;
        this.capacity = capacity;
    }

    Entry append(ModuleEvent event) {
        Entry entry = new Entry(run + "." + ++sequence, sequence, event);
        entries.addLast(entry);
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
        return entry;
    }

    /** The parsed sequence of an id of this run; empty for another run's id. */
    static Optional<Long> sequenceOf(String lastEventId, String run) {
        Matcher m = ID.matcher(lastEventId.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Last-Event-ID must be an id this stream sent, like '" + run
                    + ".42'");
        }
        return m.group(1).equals(run) ? Optional.of(Long.parseLong(m.group(2))) : Optional.empty();
    }

    /** The held events after {@code lastEventId} that pass {@code filter}. */
    Replay after(String lastEventId, Predicate<ModuleEvent> filter) {
        Optional<Long> last = sequenceOf(lastEventId, run);
        long from = last.orElse(0L);
        if (last.isPresent() && from > sequence) {
            throw new IllegalArgumentException("Last-Event-ID " + lastEventId + " is ahead of this stream ("
                    + run + "." + sequence + ")");
        }
        List<Entry> replay = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.sequence() > from && filter.test(entry.event())) {
                replay.add(entry);
            }
        }
        long oldestHeld = entries.isEmpty() ? sequence + 1 : entries.getFirst().sequence();
        long missed = last.isEmpty() ? -1 : Math.max(0, oldestHeld - from - 1);
        return new Replay(replay, missed);
    }

    String run() {
        return run;
    }
}
