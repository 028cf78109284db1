package io.mipgate.module.job;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One unit of work for a module's worker: a body that runs on the worker thread with exclusive use of the serial
 * line, and the future its caller waits on. Cancelling the future while the job is queued removes it.
 */
public final class Job<T> {

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
