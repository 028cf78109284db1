package io.mipgate.module;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Fails asynchronous results that outlive their own deadline with a {@link ModuleException.ModuleTimeout}. */
final class Deadlines {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mipgate-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private Deadlines() {
    }

    static <T> CompletableFuture<T> within(CompletableFuture<T> future, Duration deadline, String moduleId, String what) {
        var task = TIMER.schedule(() -> future.completeExceptionally(new ModuleException.ModuleTimeout(moduleId, what)),
                deadline.toMillis(), TimeUnit.MILLISECONDS);
        future.whenComplete((value, failure) -> task.cancel(false));
        return future;
    }
}
