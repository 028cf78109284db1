package io.mipgate.module;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one timer of the module layer: fails asynchronous results that outlive their own deadline with a
 * {@link ModuleException.ModuleTimeout}, and schedules the periodic and delayed work that must not hold the line
 * while it waits (reconciliation, ACK sampling, ACK watches). Timer tasks only queue jobs; they never do I/O.
 */
final class Deadlines {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mipgate-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private Deadlines() {
    }

    /** Runs {@code task} after {@code delay} on the timer thread; the task must be quick (e.g. queue a job). */
    static ScheduledFuture<?> after(Duration delay, Runnable task) {
        return TIMER.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} every {@code period} on the timer thread until cancelled. */
    static ScheduledFuture<?> every(Duration period, Runnable task) {
        return TIMER.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    static <T> CompletableFuture<T> within(CompletableFuture<T> future, Duration deadline, String moduleId, String what) {
        var task = TIMER.schedule(() -> future.completeExceptionally(new ModuleException.ModuleTimeout(moduleId, what)),
                deadline.toMillis(), TimeUnit.MILLISECONDS);
        future.whenComplete((value, failure) -> task.cancel(false));
        return future;
    }
}
