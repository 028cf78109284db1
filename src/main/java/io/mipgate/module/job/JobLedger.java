package io.mipgate.module.job;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * The jobs of one module an operator can look at: every queued and running job, and the last finished ones (a
 * bounded number), each with its command and outcome. Fed by the {@link JobQueue} that owns it; thread-safe.
 */
final class JobLedger {

    static final int FINISHED_KEPT = 100;

    private final Clock clock;
    private final Map<Long, Job<?>> open = new LinkedHashMap<>();
    private final Deque<Job<?>> finished = new ArrayDeque<>();

    JobLedger(Clock clock) {
        this.clock = clock;
    }

    synchronized void queued(Job<?> job) {
        open.put(job.id(), job);
        job.result().whenComplete((value, failure) -> finished(job));
    }

    private synchronized void finished(Job<?> job) {
        job.finished(clock.instant());
        open.remove(job.id());
        finished.addFirst(job);
        while (finished.size() > FINISHED_KEPT) {
            finished.removeLast();
        }
    }

    /** Queued and running jobs in order of arrival, then finished ones, newest first. */
    synchronized List<JobView> views() {
        List<JobView> all = new ArrayList<>();
        open.values().forEach(job -> all.add(view(job)));
        finished.forEach(job -> all.add(view(job)));
        return all;
    }

    synchronized Optional<Job<?>> find(long id) {
        Job<?> job = open.get(id);
        if (job != null) {
            return Optional.of(job);
        }
        return finished.stream().filter(j -> j.id() == id).findFirst();
    }

    static JobView view(Job<?> job) {
        String state;
        String error = null;
        if (!job.result().isDone()) {
            state = job.phase() == Job.Phase.RUNNING ? "RUNNING" : "QUEUED";
        } else if (job.result().isCancelled()) {
            state = "CANCELLED";
        } else if (job.result().isCompletedExceptionally()) {
            state = "FAILED";
            error = failureOf(job);
        } else {
            state = "SUCCEEDED";
        }
        return new JobView(job.id(), job.name(), job.priority(), state, job.queuedAt(), job.startedAt(),
                job.finishedAt(), error);
    }

    private static String failureOf(Job<?> job) {
        try {
            job.result().join();
            return null;
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        }
    }
}
