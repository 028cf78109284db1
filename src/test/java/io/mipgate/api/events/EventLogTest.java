package io.mipgate.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.module.event.ModuleEvent;
import java.time.Instant;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The replay buffer behind {@code Last-Event-ID}: exactly the events after the id, and a gap said out loud. */
class EventLogTest {

    static ModuleEvent event(String module, long n) {
        return new ModuleEvent.UrcSeen(module, Instant.EPOCH.plusSeconds(n), "rtcp");
    }

    @Property
    void replaysExactlyWhatFollowsTheLastIdAndCountsWhatFellOut(@ForAll @IntRange(min = 1, max = 20) int capacity,
                                                                @ForAll @IntRange(min = 0, max = 50) int published,
                                                                @ForAll @IntRange(min = 0, max = 50) int seen) {
        EventLog log = new EventLog("run1", capacity);
        LongStream.rangeClosed(1, published).forEach(n -> log.append(event("m" + (n % 2), n)));
        long last = Math.min(seen, published);
        EventLog.Replay replay = log.after("run1." + last, e -> true);

        long firstHeld = Math.max(1, published - capacity + 1);
        long expectedFrom = Math.max(last + 1, firstHeld);
        assertThat(replay.entries()).extracting(EventLog.Entry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(expectedFrom, published).boxed().toList());
        assertThat(replay.missed()).isEqualTo(Math.max(0, firstHeld - last - 1));
        assertThat(replay.entries()).allSatisfy(e -> assertThat(e.id()).isEqualTo("run1." + e.sequence()));
    }

    @Test
    void filtersTheReplayLikeTheLiveStream() {
        EventLog log = new EventLog("r", 10);
        for (long n = 1; n <= 6; n++) {
            log.append(event(n % 2 == 0 ? "a" : "b", n));
        }
        assertThat(log.after("r.1", e -> e.moduleId().equals("a")).entries())
                .extracting(EventLog.Entry::sequence).containsExactly(2L, 4L, 6L);
    }

    @Test
    void anIdOfAnotherRunIsAGapOfUnknownSizeAndEverythingHeldIsReplayed() {
        EventLog log = new EventLog("new", 3);
        for (long n = 1; n <= 5; n++) {
            log.append(event("a", n));
        }
        EventLog.Replay replay = log.after("old.999", e -> true);
        assertThat(replay.gap()).isTrue();
        assertThat(replay.missed()).isEqualTo(-1);
        assertThat(replay.entries()).extracting(EventLog.Entry::sequence).containsExactly(3L, 4L, 5L);
    }

    @Test
    void refusesAnIdItCannotHaveSent() {
        EventLog log = new EventLog("r", 3);
        log.append(event("a", 1));
        assertThatThrownBy(() -> log.after("r.7", e -> true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ahead");
        assertThatThrownBy(() -> log.after("<script>", e -> true)).isInstanceOf(IllegalArgumentException.class);
    }
}
