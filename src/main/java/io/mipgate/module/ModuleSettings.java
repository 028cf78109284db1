package io.mipgate.module;

import io.mipgate.at.model.ModelFamily;
import io.mipgate.transport.LinkSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that shapes one module's worker.
 *
 * @param model               the configured family, or empty to identify it from ATI / AT+CGMR
 * @param queueCapacity       user jobs that may wait; control jobs get the same again
 * @param receiveBufferBytes  gateway-side buffer per connection
 * @param sackInterval        AT+MIPSACK sampling period of open TCP connections; zero disables
 * @param reconcileInterval   AT+MIPSTATE? reconciliation period; zero disables
 * @param backoffInitial      first delay before reopening a lost link
 * @param backoffMax          cap of the exponential back-off
 * @param maxRecoveryAttempts consecutive failed recoveries before FAILED; 0 = never give up
 * @param promptChunkBytes    largest {@code >} data-mode send (capped by the model)
 * @param inlineHexChunkBytes largest inline HEX send: 730 bytes = 1460 characters, the command-line limit seen in the
 *                            field (FIELD-NOTES §7.1)
 * @param escapeGuard         silence around {@code +++}
 * @param closeOnShutdown     close every open connection on the module when the gateway stops
 */
public record ModuleSettings(String id, LinkSpec link, Optional<ModelFamily> model, int queueCapacity,
                             int receiveBufferBytes, Duration sackInterval, Duration reconcileInterval,
                             Duration backoffInitial, Duration backoffMax, int maxRecoveryAttempts,
                             int promptChunkBytes, int inlineHexChunkBytes, Duration escapeGuard,
                             boolean closeOnShutdown) {

    public ModuleSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(model, "model");
    }

    /** Defaults for a module on the given link; the with-ers adjust the rest. */
    public static ModuleSettings defaults(String id, LinkSpec link) {
        return new ModuleSettings(id, link, Optional.empty(), 64, 256 * 1024, Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(30), 0, 4096, 730,
                Duration.ofSeconds(1), false);
    }

    public ModuleSettings withModel(ModelFamily family) {
        return new ModuleSettings(id, link, Optional.ofNullable(family), queueCapacity, receiveBufferBytes, sackInterval,
                reconcileInterval, backoffInitial, backoffMax, maxRecoveryAttempts, promptChunkBytes,
                inlineHexChunkBytes, escapeGuard, closeOnShutdown);
    }

    public ModuleSettings withQueueCapacity(int capacity) {
        return new ModuleSettings(id, link, model, capacity, receiveBufferBytes, sackInterval, reconcileInterval,
                backoffInitial, backoffMax, maxRecoveryAttempts, promptChunkBytes, inlineHexChunkBytes, escapeGuard,
                closeOnShutdown);
    }

    public ModuleSettings withReceiveBuffer(int bytes) {
        return new ModuleSettings(id, link, model, queueCapacity, bytes, sackInterval, reconcileInterval,
                backoffInitial, backoffMax, maxRecoveryAttempts, promptChunkBytes, inlineHexChunkBytes, escapeGuard,
                closeOnShutdown);
    }

    public ModuleSettings withIntervals(Duration sack, Duration reconcile) {
        return new ModuleSettings(id, link, model, queueCapacity, receiveBufferBytes, sack, reconcile, backoffInitial,
                backoffMax, maxRecoveryAttempts, promptChunkBytes, inlineHexChunkBytes, escapeGuard, closeOnShutdown);
    }

    public ModuleSettings withBackoff(Duration initial, Duration max, int maxAttempts) {
        return new ModuleSettings(id, link, model, queueCapacity, receiveBufferBytes, sackInterval, reconcileInterval,
                initial, max, maxAttempts, promptChunkBytes, inlineHexChunkBytes, escapeGuard, closeOnShutdown);
    }

    public ModuleSettings withEscapeGuard(Duration guard) {
        return new ModuleSettings(id, link, model, queueCapacity, receiveBufferBytes, sackInterval, reconcileInterval,
                backoffInitial, backoffMax, maxRecoveryAttempts, promptChunkBytes, inlineHexChunkBytes, guard,
                closeOnShutdown);
    }

    public ModuleSettings withChunks(int promptChunk, int inlineHexChunk) {
        return new ModuleSettings(id, link, model, queueCapacity, receiveBufferBytes, sackInterval, reconcileInterval,
                backoffInitial, backoffMax, maxRecoveryAttempts, promptChunk, inlineHexChunk, escapeGuard,
                closeOnShutdown);
    }

    public ModuleSettings withCloseOnShutdown(boolean close) {
        return new ModuleSettings(id, link, model, queueCapacity, receiveBufferBytes, sackInterval, reconcileInterval,
                backoffInitial, backoffMax, maxRecoveryAttempts, promptChunkBytes, inlineHexChunkBytes, escapeGuard,
                close);
    }
}
