package io.mipgate.module;

import io.mipgate.at.command.Basic;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resync rung: after a timeout, {@code AT} until a fresh OK, each followed by a quiet period that exposes a late
 * answer, so a late reply is never taken for the next command's (STYLE §8). When a prompted send was given up the
 * module may still be taking data: the line first stays silent for the module's input timeout, so that no probe can
 * become payload (FIELD-NOTES §7.2).
 */
final class Resynchronizer {

    private static final Logger log = LoggerFactory.getLogger(Resynchronizer.class);
    private static final Duration DRAIN = Duration.ofMillis(100);
    private static final Duration QUIET = Duration.ofMillis(300);

    private final WorkerContext context;

    Resynchronizer(WorkerContext context) {
        this.context = context;
    }

    /** @return whether the line answered a probe with a fresh OK and nothing stale followed it */
    boolean resync(LineSession line, java.util.function.BooleanSupplier running) {
        line.drain(line.takeQuietNeeded());
        int probes = context.settings.recovery().probes();
        for (int i = 0; i < probes && running.getAsBoolean() && !line.isLost(); i++) {
            line.drain(DRAIN);
            try {
                ExchangeResult probe = context.exec(new Basic.Attention());
                long staleBefore = line.staleFinalResults();
                LineSession.sleep(QUIET);
                if (probe.ok() && line.staleFinalResults() == staleBefore) {
                    log.info("module={} resynchronised after {} probe(s)", context.id, i + 1);
                    return true;
                }
            } catch (ModuleException.ModuleTimeout unanswered) {
                log.debug("module={} resync probe {} unanswered", context.id, i + 1);
            } catch (ModuleException e) {
                return false;
            }
        }
        log.warn("module={} no fresh OK after {} probes", context.id, probes);
        return false;
    }
}
