package io.mipgate.module.job;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One unit of work for a module's worker: a body that runs on the worker thread with exclusive use of the serial
 * line, and the future its caller waits on. Cancelling the future while the job is queued removes it.
 */
public final class Job<T> {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Where a job stands before its future completes; the worker's claim and an operator's cancel race on it. */
    enum Phase { QUEUED, RUNNING, CANCELLED }

    private final long id = SEQUENCE.incrementAndGet();
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.QUEUED);
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private final String name;
    private final JobPriority priority;
    private final JobBody<T> body;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Instant queuedAt;

    public Job(String name, JobPriority priority, JobBody<T> body, Instant queuedAt) {
        this.name = name;
        this.priority = priority;
        this.body = body;
        this.queuedAt = queuedAt;
    }

    /** Unique in this gateway's run. */
    public long id() {
        return id;
    }

    /** The worker takes the job: false when it was cancelled first. */
    boolean claim(Instant now) {
        if (!phase.compareAndSet(Phase.QUEUED, Phase.RUNNING)) {
            return false;
        }
        startedAt = now;
        return true;
    }

    /** An operator withdraws the job: false when the worker has already taken it (or it is finished). */
    boolean cancelQueued() {
        if (!phase.compareAndSet(Phase.QUEUED, Phase.CANCELLED)) {
            return false;
        }
        result.cancel(false);
        return true;
    }

    Phase phase() {
        return phase.get();
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    void finished(Instant now) {
        finishedAt = now;
    }

    /** The AT command name (or operation name) for logs and metrics, never with payload. */
    public String name() {
        return name;
    }

    public JobPriority priority() {
        return priority;
    }

    public JobBody<T> body() {
        return body;
    }

    public CompletableFuture<T> result() {
        return result;
    }

    public Instant queuedAt() {
        return queuedAt;
    }

    /** The work itself; it may run several AT exchanges. */
    @FunctionalInterface
    public interface JobBody<T> {
        T run() throws Exception;
    }
}
