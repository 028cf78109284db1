package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.module.RecoveryLadder.Rung;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The recovery ladder as a state machine: bounded, escalating, and never a reset loop. */
class RecoveryLadderProperties {

    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    enum Event { TIMEOUT, RESYNCED, RESYNC_FAILED, LINK_LOST, SILENT_ATTEMPT_FAILED, LINK_ATTEMPT_FAILED, RECOVERED,
        OPERATOR_RETRY, MODULE_RESET }

    @Provide
    Arbitrary<List<Event>> events() {
        return Arbitraries.of(Event.class).list().ofMaxSize(200);
    }

    @Property
    void softRebootsPerEpisodeAreBoundedAndFailedNeedsAnOperator(@ForAll("events") List<Event> events,
                                                                  @ForAll @IntRange(min = 1, max = 3) int reboots,
                                                                  @ForAll @IntRange(min = 0, max = 8) int maxAttempts) {
        RecoveryLadder ladder = new RecoveryLadder(new RecoveryLadder.Policy(3, 2, reboots, maxAttempts, BACKOFF));
        int rebootsEntered = 0;
        Rung before = ladder.rung();
        for (Event event : events) {
            Rung previous = ladder.rung();
            apply(ladder, event);
            Rung now = ladder.rung();
            if (now == Rung.REBOOT && previous != Rung.REBOOT) {
                rebootsEntered++;
            }
            if (previous == Rung.FAILED && event != Event.OPERATOR_RETRY) {
                assertThat(now).as("FAILED stays until an operator retries").isEqualTo(Rung.FAILED);
            }
            if (now == Rung.NONE || previous == Rung.FAILED && now == Rung.REOPEN) {
                rebootsEntered = 0;
            }
            assertThat(rebootsEntered).as("soft reboots in one episode").isLessThanOrEqualTo(reboots);
            if (maxAttempts > 0) {
                assertThat(ladder.attempts()).isLessThanOrEqualTo(maxAttempts);
            }
            assertThat(ladder.delay()).isLessThanOrEqualTo(Duration.ofSeconds(5));
            before = now;
        }
        assertThat(before).isNotNull();
    }

    private static void apply(RecoveryLadder ladder, Event event) {
        switch (event) {
            case TIMEOUT -> {
                if (ladder.rung() == Rung.NONE || ladder.rung() == Rung.RESYNC) {
                    ladder.timedOut("AT");
                }
            }
            case RESYNCED -> ladder.resynchronised();
            case RESYNC_FAILED -> {
                if (ladder.rung() == Rung.RESYNC) {
                    ladder.resyncFailed();
                }
            }
            case LINK_LOST -> ladder.linkLost("eof");
            case SILENT_ATTEMPT_FAILED, LINK_ATTEMPT_FAILED -> {
                if (ladder.rung() == Rung.REOPEN || ladder.rung() == Rung.REBOOT) {
                    ladder.attemptFailed(event == Event.SILENT_ATTEMPT_FAILED, "failed");
                }
            }
            case RECOVERED -> {
                if (ladder.rung() == Rung.REOPEN || ladder.rung() == Rung.REBOOT) {
                    ladder.recovered();
                }
            }
            case OPERATOR_RETRY -> ladder.operatorRetry();
            case MODULE_RESET -> ladder.moduleReset();
        }
    }

    @Test
    void aSilentModuleClimbsResyncReopenRebootThenFails() {
        RecoveryLadder ladder = new RecoveryLadder(new RecoveryLadder.Policy(10, 2, 1, 0, BACKOFF));
        assertThat(ladder.timedOut("AT+MIPSTATE?")).isEqualTo(Rung.RESYNC);
        assertThat(ladder.resyncFailed()).isEqualTo(Rung.REOPEN);
        assertThat(ladder.attemptFailed(true, "no answer")).isEqualTo(Rung.REOPEN);
        assertThat(ladder.delay()).isEqualTo(Duration.ofMillis(100));
        assertThat(ladder.attemptFailed(true, "no answer")).isEqualTo(Rung.REBOOT);
        assertThat(ladder.delay()).isEqualTo(Duration.ofMillis(200));
        assertThat(ladder.attemptFailed(true, "no answer")).isEqualTo(Rung.FAILED);
        assertThat(ladder.reason()).contains("soft reboot");
        assertThat(ladder.operatorRetry()).isTrue();
        assertThat(ladder.rung()).isEqualTo(Rung.REOPEN);
        assertThat(ladder.attempts()).isZero();
    }

    @Test
    void aMissingLinkKeepsReopeningWithoutRebootingWhenUnbounded() {
        RecoveryLadder ladder = new RecoveryLadder(new RecoveryLadder.Policy(10, 2, 2, 0, BACKOFF));
        ladder.linkLost("eof");
        for (int i = 0; i < 50; i++) {
            assertThat(ladder.attemptFailed(false, "connection refused")).isEqualTo(Rung.REOPEN);
        }
        assertThat(ladder.delay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void timeoutsThatKeepComingDespiteResyncCallForASoftReboot() {
        RecoveryLadder ladder = new RecoveryLadder(new RecoveryLadder.Policy(3, 2, 1, 0, BACKOFF));
        for (int i = 0; i < 2; i++) {
            assertThat(ladder.timedOut("AT+MIPSEND")).isEqualTo(Rung.RESYNC);
            ladder.resynchronised();
        }
        assertThat(ladder.timedOut("AT+MIPSEND")).isEqualTo(Rung.REBOOT);
        ladder.answered();
        assertThat(ladder.consecutiveTimeouts()).isZero();
    }

    @Test
    void theAttemptCapEndsAnEpisodeInFailed() {
        RecoveryLadder ladder = new RecoveryLadder(new RecoveryLadder.Policy(10, 5, 0, 3, BACKOFF));
        ladder.linkLost("eof");
        ladder.attemptFailed(false, "refused");
        ladder.attemptFailed(false, "refused");
        assertThat(ladder.attemptFailed(false, "refused")).isEqualTo(Rung.FAILED);
        assertThat(ladder.reason()).startsWith("gave up after 3 attempts");
    }
}
