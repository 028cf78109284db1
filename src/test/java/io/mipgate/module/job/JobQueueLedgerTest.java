package io.mipgate.module.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** What an operator sees of a module's queue, and withdrawing a queued job without ever losing a running one. */
class JobQueueLedgerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    final JobQueue queue = new JobQueue(4, CLOCK);

    static Job<String> job(String name) {
        return new Job<>(name, JobPriority.USER, () -> name, CLOCK.instant());
    }

    @Test
    void listsQueuedRunningAndFinishedJobsWithCommandAndOutcome() throws Exception {
        Job<String> sent = job("AT+MIPSEND");
        Job<String> open = job("AT+MIPOPEN");
        Job<String> closing = job("AT+MIPCLOSE");
        List.of(sent, open, closing).forEach(queue::offer);

        Job<?> running = queue.poll(0, TimeUnit.MILLISECONDS);
        assertThat(running).isSameAs(sent);
        assertThat(queue.jobs()).extracting(JobView::command, JobView::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AT+MIPSEND", "RUNNING"),
                org.assertj.core.groups.Tuple.tuple("AT+MIPOPEN", "QUEUED"),
                org.assertj.core.groups.Tuple.tuple("AT+MIPCLOSE", "QUEUED"));

        sent.result().complete("ok");
        queue.poll(0, TimeUnit.MILLISECONDS);
        open.result().completeExceptionally(new IllegalStateException("+CME ERROR: 557 socket connection refused"));

        List<JobView> jobs = queue.jobs();
        assertThat(jobs).extracting(JobView::command, JobView::state, JobView::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AT+MIPCLOSE", "QUEUED", null),
                org.assertj.core.groups.Tuple.tuple("AT+MIPOPEN", "FAILED", "+CME ERROR: 557 socket connection refused"),
                org.assertj.core.groups.Tuple.tuple("AT+MIPSEND", "SUCCEEDED", null));
        assertThat(jobs.get(2).startedAt()).isEqualTo(CLOCK.instant());
        assertThat(jobs.get(2).finishedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void aCancelledQueuedJobIsSkippedAndItsCallerToldSo() throws Exception {
        Job<String> first = job("AT+MIPSEND");
        Job<String> second = job("AT+MIPRD");
        queue.offer(first);
        queue.offer(second);

        assertThat(queue.cancel(first.id())).get().extracting(JobView::state).isEqualTo("CANCELLED");
        assertThat(first.result()).isCancelled();
        assertThat(queue.depth()).isEqualTo(1);
        assertThat(queue.poll(0, TimeUnit.MILLISECONDS)).isSameAs(second);
        assertThat(queue.jobs()).extracting(JobView::state).containsExactly("RUNNING", "CANCELLED");
    }

    @Test
    void aRunningJobCannotBeCancelledAndAnUnknownOneIsEmpty() throws Exception {
        Job<String> running = job("AT+MIPOPEN");
        queue.offer(running);
        queue.poll(0, TimeUnit.MILLISECONDS);

        assertThat(queue.cancel(running.id())).get().extracting(JobView::state).isEqualTo("RUNNING");
        assertThat(running.result()).isNotDone();
        assertThat(queue.cancel(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void keepsOnlyTheLastFinishedJobs() throws Exception {
        JobQueue big = new JobQueue(1, CLOCK);
        for (int i = 0; i < JobLedger.FINISHED_KEPT + 20; i++) {
            Job<String> job = job("AT+MIPSACK");
            big.offer(job);
            big.poll(0, TimeUnit.MILLISECONDS);
            job.result().complete("ok");
        }
        assertThat(big.jobs()).hasSize(JobLedger.FINISHED_KEPT);
    }

    /** The worker's take and an operator's cancel race: exactly one wins, and a taken job always runs to its end. */
    @RepeatedTest(200)
    void takeAndCancelNeverBothWin() throws Exception {
        Job<String> contested = job("AT+MIPSEND");
        queue.offer(contested);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Job<?>> taken = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread worker = Thread.ofVirtual().start(() -> {
            try {
                go.await();
                taken.set(queue.poll(0, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread operator = Thread.ofVirtual().start(() -> {
            try {
                go.await();
                cancelled.set(queue.cancel(contested.id()).orElseThrow().state().equals("CANCELLED"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        go.countDown();
        worker.join();
        operator.join();
        assertThat(taken.get() != null).as("taken xor cancelled").isNotEqualTo(cancelled.get());
        assertThat(contested.result().isCancelled()).isEqualTo(cancelled.get());
    }
}
