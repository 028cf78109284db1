package io.mipgate.api;

import io.mipgate.api.problem.Problems;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a module operation on the request's virtual thread. The operation's own deadline (set by the worker from
 * the command's timeout) decides; the cap here only guards against a future nobody completes.
 */
final class Await {

    private static final Duration CAP = Duration.ofMinutes(30);

    private Await() {
    }

    static <T> T result(CompletableFuture<T> future) {
        try {
            return future.get(CAP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = Problems.unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new CancellationException("request interrupted");
        } catch (TimeoutException e) {
            throw new IllegalStateException("module operation did not complete within " + CAP, e);
        }
    }
}
