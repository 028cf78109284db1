package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mipgate.domain.Protocol;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.module.event.ModuleEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every rung of the recovery ladder against a virtual module behind a link that can refuse to open or swallow what
 * the gateway writes: resync, reopen, soft reboot, FAILED, and the operator's retry out of it.
 */
class RecoveryLadderWorkerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Gateway gateway;
    private ModuleClient module;

    private void start(UnaryOperator<ModuleSettings.Recovery> bounds) {
        gateway = new Gateway();
        module = gateway.emulated("m", "ML307R", s -> s.withRecovery(bounds.apply(s.recovery()
                .withReboots(10, 2, 1, Duration.ofMillis(300)).withProbes(2))));
        gateway.start();
        assertThat(module.snapshot().status()).isEqualTo(ModuleStatus.UP);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private List<String> rungs() {
        return gateway.events(ModuleEvent.RecoveryStep.class).stream().map(ModuleEvent.RecoveryStep::rung).toList();
    }

    private void assertNextJobSucceeds() throws Exception {
        assertThat(module.raw("AT", Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS).ok()).isTrue();
    }

    @Test
    void aSilentModuleClimbsEveryRungToFailedStaysThereAndAnOperatorRetryBringsItBack() throws Exception {
        start(r -> r);
        gateway.faults.mode(FaultyLinks.Mode.MUTE);

        assertThatThrownBy(() -> module.raw("AT+CGMR", Duration.ofMillis(300)).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ModuleException.ModuleTimeout.class);

        await().atMost(WAIT).until(() -> module.snapshot().status() == ModuleStatus.FAILED);
        assertThat(rungs()).containsSubsequence("RESYNC", "REOPEN", "REOPEN", "REBOOT", "FAILED");
        assertThat(gateway.faults.rebootsHeard.get()).isEqualTo(1);
        assertThat(module.snapshot().recoveryRung()).isEqualTo("FAILED");
        assertThat(module.snapshot().lastError()).contains("soft reboot");
        assertThatThrownBy(() -> module.raw("AT", Duration.ofSeconds(1)).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(ModuleException.ModuleUnavailable.class,
                        e -> assertThat(e.status()).isEqualTo(ModuleStatus.FAILED));

        int opens = gateway.faults.opened.get();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20))
                .until(() -> gateway.faults.opened.get() == opens);

        gateway.faults.mode(FaultyLinks.Mode.PASS);
        gateway.manager.retry("m");
        await().atMost(WAIT).until(() -> module.snapshot().status() == ModuleStatus.UP);
        assertThat(module.snapshot().recoveryRung()).isEqualTo("NONE");
        assertNextJobSucceeds();
    }

    @Test
    void aSoftRebootThatRevivesTheModuleEndsTheEpisode() throws Exception {
        start(r -> r.withReboots(10, 2, 2, Duration.ofMillis(300)));
        gateway.faults.mode(FaultyLinks.Mode.MUTE_UNTIL_REBOOT);

        assertThatThrownBy(() -> module.raw("AT+CGMR", Duration.ofMillis(300)).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ModuleException.ModuleTimeout.class);

        await().atMost(WAIT).until(() -> rungs().contains("REBOOT") && module.snapshot().status() == ModuleStatus.UP);
        assertThat(rungs()).doesNotContain("FAILED");
        assertThat(gateway.events(ModuleEvent.ModuleReset.class)).isNotEmpty();
        assertNextJobSucceeds();
    }

    @Test
    void theAttemptCapEndsInFailedWhenTheLinkCannotBeOpened() throws Exception {
        start(r -> r.withBackoff(Duration.ofMillis(20), Duration.ofMillis(80), 3));
        gateway.faults.mode(FaultyLinks.Mode.REFUSE_OPEN);
        gateway.module("m").faults().dropAttachment();

        await().atMost(WAIT).until(() -> module.snapshot().status() == ModuleStatus.FAILED);
        assertThat(module.snapshot().lastError()).startsWith("gave up after 3 attempts");
        assertThat(rungs()).doesNotContain("REBOOT");

        gateway.faults.mode(FaultyLinks.Mode.PASS);
        gateway.manager.retry("m");
        await().atMost(WAIT).until(() -> module.snapshot().status() == ModuleStatus.UP);
        assertNextJobSucceeds();
    }

    @Test
    void theBackOffGrowsBetweenAttemptsUpToItsCap() throws Exception {
        start(r -> r.withBackoff(Duration.ofMillis(100), Duration.ofMillis(400), 5));
        gateway.faults.mode(FaultyLinks.Mode.REFUSE_OPEN);
        gateway.module("m").faults().dropAttachment();

        await().atMost(WAIT).until(() -> module.snapshot().status() == ModuleStatus.FAILED);
        List<java.time.Instant> attempts = gateway.events(ModuleEvent.RecoveryStep.class).stream()
                .filter(step -> step.rung().equals("REOPEN")).map(ModuleEvent.RecoveryStep::at).toList();
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(4);
        long first = Duration.between(attempts.get(1), attempts.get(2)).toMillis();
        long capped = Duration.between(attempts.get(3), attempts.get(4)).toMillis();
        // lower bounds only: a busy machine can stretch a wait, never shorten it (100 ms doubling, capped at 400)
        assertThat(first).isGreaterThanOrEqualTo(100);
        assertThat(capped).isGreaterThanOrEqualTo(400);
    }

    @Test
    void aReinitialisationThatFailsAfterAResetFallsBackToReopeningTheLink() throws Exception {
        start(r -> r);
        gateway.module("m").faults().failNextCommands(3, 3);
        gateway.module("m").faults().reboot();

        await().atMost(WAIT).until(() -> !gateway.events(ModuleEvent.ModuleReset.class).isEmpty()
                && rungs().contains("REOPEN") && module.snapshot().status() == ModuleStatus.UP);
        assertNextJobSucceeds();
    }

    @Test
    void periodicReconciliationAndAckSamplingRunOnTheirOwn() throws Exception {
        gateway = new Gateway();
        module = gateway.emulated("m", "ML307R", s -> s.withIntervals(Duration.ofMillis(200), Duration.ofMillis(200)));
        gateway.start();
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            int id = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), null, null, null, null))
                    .get(15, TimeUnit.SECONDS).connectId();
            await().atMost(WAIT).until(() -> gateway.events(ModuleEvent.SackSampled.class).stream()
                    .filter(s -> s.connectId() == id).count() >= 2
                    && gateway.events(ModuleEvent.JobFinished.class).stream()
                    .filter(j -> j.command().equals("AT+MIPSTATE")).count() >= 2);
            assertThat(module.connection(id).lastSack()).isNotNull();
        }
    }
}
