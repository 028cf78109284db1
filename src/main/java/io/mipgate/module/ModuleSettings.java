package io.mipgate.module;

import io.mipgate.at.model.ModelFamily;
import io.mipgate.transport.LinkSpec;
import java.time.Duration;
import java.util.List;
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
 * @param recovery            the bounds of the recovery ladder
 * @param promptChunkBytes    largest {@code >} data-mode send (capped by the model)
 * @param inlineHexChunkBytes largest inline HEX send: 730 bytes = 1460 characters, the command-line limit seen in the
 *                            field (FIELD-NOTES §7.1)
 * @param escapeGuard         silence around {@code +++}
 * @param closeOnShutdown     close every open connection on the module when the gateway stops
 * @param apn                 APN of the data call the gateway brings up when the module has none active; null: the
 *                            SIM's (FIELD-NOTES §5)
 * @param lineRateSearch      what start-up does when the module does not answer at the link's rate
 */
public record ModuleSettings(String id, LinkSpec link, Optional<ModelFamily> model, int queueCapacity,
                             int receiveBufferBytes, Duration sackInterval, Duration reconcileInterval,
                             Recovery recovery, int promptChunkBytes, int inlineHexChunkBytes, Duration escapeGuard,
                             boolean closeOnShutdown, String apn, LineRateSearch lineRateSearch) {

    /**
     * The recovery ladder's bounds (see {@link RecoveryLadder}).
     *
     * @param backoffInitial       first delay before another recovery attempt
     * @param backoffMax           cap of the exponential back-off
     * @param maxAttempts          recovery attempts in one episode before FAILED; 0 = keep reopening a missing link
     *                             (soft reboots stay bounded by {@code softReboots})
     * @param timeoutsBeforeReboot consecutive command timeouts that call for a soft reboot although resync succeeds
     * @param reopensBeforeReboot  reopens in which the link opened but the module stayed silent, before a soft reboot
     * @param softReboots          soft reboots per episode before FAILED; 0 = never reboot, go FAILED instead
     * @param bootWait             silence after AT+MREBOOT before probing the module again
     * @param probes               {@code AT} probes (1 s each) before start-up or a resync gives up on the line
     */
    public record Recovery(Duration backoffInitial, Duration backoffMax, int maxAttempts, int timeoutsBeforeReboot,
                           int reopensBeforeReboot, int softReboots, Duration bootWait, int probes) {

        public static final Recovery DEFAULTS = new Recovery(Duration.ofMillis(500), Duration.ofSeconds(30), 0, 10, 3,
                2, Duration.ofSeconds(3), 10);

        public Recovery {
            Objects.requireNonNull(backoffInitial, "backoffInitial");
            Objects.requireNonNull(backoffMax, "backoffMax");
            Objects.requireNonNull(bootWait, "bootWait");
            if (maxAttempts < 0 || timeoutsBeforeReboot < 1 || reopensBeforeReboot < 1 || softReboots < 0 || probes < 1) {
                throw new IllegalArgumentException("recovery bounds must be positive: " + this);
            }
        }

        public Recovery withBackoff(Duration initial, Duration max, int attempts) {
            return new Recovery(initial, max, attempts, timeoutsBeforeReboot, reopensBeforeReboot, softReboots, bootWait,
                    probes);
        }

        public Recovery withReboots(int timeouts, int reopens, int reboots, Duration wait) {
            return new Recovery(backoffInitial, backoffMax, maxAttempts, timeouts, reopens, reboots, wait, probes);
        }

        public Recovery withProbes(int count) {
            return new Recovery(backoffInitial, backoffMax, maxAttempts, timeoutsBeforeReboot, reopensBeforeReboot,
                    softReboots, bootWait, count);
        }
    }

    public ModuleSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(lineRateSearch, "lineRateSearch");
    }

    /**
     * Finding a module that does not answer at the link's rate (FIELD-NOTES §13): each rate is tried with a short
     * {@code AT}, in esp-ml307's order; where one answers, {@code AT+IPR} sets the link's rate and the link is
     * reopened at it. Only links whose host sets the rate (a local serial device) are searched.
     *
     * @param enabled           search at all; off, a module at another rate stays silent and recovery goes on as before
     * @param rates             the rates to try, in order (the link's own rate is skipped: it was just tried)
     * @param probeTimeout      how long one {@code AT} at one rate waits for an answer
     * @param probesAfterChange {@code AT} probes at the new rate after {@code AT+IPR}: field firmware misses the first
     *                          commands after a change (FIELD-NOTES §13), so one timeout is not a failure
     */
    public record LineRateSearch(boolean enabled, List<Integer> rates, Duration probeTimeout, int probesAfterChange) {

        /** esp-ml307's order: the factory rate first, then the fast rates projects use, then the slow ones. */
        public static final List<Integer> USUAL_RATES = List.of(115_200, 921_600, 460_800, 230_400, 57_600, 38_400,
                19_200, 9_600);

        public static final LineRateSearch DEFAULTS = new LineRateSearch(true, USUAL_RATES, Duration.ofMillis(300), 5);

        public static final LineRateSearch OFF = new LineRateSearch(false, USUAL_RATES, Duration.ofMillis(300), 5);

        public LineRateSearch {
            rates = List.copyOf(rates);
            Objects.requireNonNull(probeTimeout, "probeTimeout");
            if (rates.stream().anyMatch(rate -> rate <= 0) || !probeTimeout.isPositive() || probesAfterChange < 1) {
                throw new IllegalArgumentException("line rate search needs positive rates, a positive probe timeout"
                        + " and at least one probe after a change: " + rates + ", " + probeTimeout + ", "
                        + probesAfterChange);
            }
        }
    }

    /** Defaults for a module on the given link; the with-ers adjust the rest. */
    public static ModuleSettings defaults(String id, LinkSpec link) {
        return new ModuleSettings(id, link, Optional.empty(), 64, 256 * 1024, Duration.ofSeconds(30),
                Duration.ofSeconds(60), Recovery.DEFAULTS, 4096, 730, Duration.ofSeconds(1), false, null,
                LineRateSearch.DEFAULTS);
    }

    public ModuleSettings withModel(ModelFamily family) {
        return new ModuleSettings(id, link, Optional.ofNullable(family), queueCapacity, receiveBufferBytes, sackInterval,
                reconcileInterval, recovery, promptChunkBytes, inlineHexChunkBytes, escapeGuard, closeOnShutdown, apn,
                lineRateSearch);
    }

    public ModuleSettings withQueueCapacity(int capacity) {
        return new ModuleSettings(id, link, model, capacity, receiveBufferBytes, sackInterval, reconcileInterval,
                recovery, promptChunkBytes, inlineHexChunkBytes, escapeGuard, closeOnShutdown, apn, lineRateSearch);
    }

    public ModuleSettings withReceiveBuffer(int bytes) {
        return new ModuleSettings(id, link, model, queueCapacity, bytes, sackInterval, reconcileInterval, recovery,
                promptChunkBytes, inlineHexChunkBytes, escapeGuard, closeOnShutdown, apn, lineRateSearch);
    }

    public ModuleSettings withIntervals(Duration sack, Duration reconcile) {
        return new ModuleSettings(id, link, model, queueCapacity, receiveBufferBytes, sack, reconcile, recovery,
                promptChunkBytes, inlineHexChunkBytes, escapeGuard, closeOnShutdown, apn, lineRateSearch);
    }

    public ModuleSettings withRecovery(Recovery bounds) {
        return new ModuleSettings(id, link, model, queueCapacity, receiveBufferBytes, sackInterval, reconcileInterval,
                bounds, promptChunkBytes, inlineHexChunkBytes, escapeGuard, closeOnShutdown, apn, lineRateSearch);
    }

    public ModuleSettings withBackoff(Duration initial, Duration max, int maxAttempts) {
        return withRecovery(recovery.withBackoff(initial, max, maxAttempts));
    }

    public ModuleSettings withEscapeGuard(Duration guard) {
        return new ModuleSettings(id, link, model, queueCapacity, receiveBufferBytes, sackInterval, reconcileInterval,
                recovery, promptChunkBytes, inlineHexChunkBytes, guard, closeOnShutdown, apn, lineRateSearch);
    }

    public ModuleSettings withChunks(int promptChunk, int inlineHexChunk) {
        return new ModuleSettings(id, link, model, queueCapacity, receiveBufferBytes, sackInterval, reconcileInterval,
                recovery, promptChunk, inlineHexChunk, escapeGuard, closeOnShutdown, apn, lineRateSearch);
    }

    public ModuleSettings withCloseOnShutdown(boolean close) {
        return new ModuleSettings(id, link, model, queueCapacity, receiveBufferBytes, sackInterval, reconcileInterval,
                recovery, promptChunkBytes, inlineHexChunkBytes, escapeGuard, close, apn, lineRateSearch);
    }

    public ModuleSettings withLineRateSearch(LineRateSearch search) {
        return new ModuleSettings(id, link, model, queueCapacity, receiveBufferBytes, sackInterval, reconcileInterval,
                recovery, promptChunkBytes, inlineHexChunkBytes, escapeGuard, closeOnShutdown, apn, search);
    }

    public ModuleSettings withApn(String dataCallApn) {
        return new ModuleSettings(id, link, model, queueCapacity, receiveBufferBytes, sackInterval, reconcileInterval,
                recovery, promptChunkBytes, inlineHexChunkBytes, escapeGuard, closeOnShutdown, dataCallApn,
                lineRateSearch);
    }
}
