package io.mipgate.module;

import io.mipgate.at.command.Basic;
import io.mipgate.transport.LinkSpec;
import java.io.IOException;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a module that does not answer at its link's rate back to that rate (FIELD-NOTES §13). A module keeps its
 * {@code AT+IPR} rate over resets, so one set to 921600 by an earlier host stays silent to a gateway at 115200. The
 * search reopens the link at each usual rate and asks a short {@code AT}; where the module answers, {@code AT+IPR}
 * sets the configured rate, the link is reopened at it and probed a few times, because field firmware misses the
 * first commands right after a change. A module that cannot be moved stays in use at the rate it was found at.
 *
 * <p>Only the link layer knows rates ({@link LinkSpec#atRate}); only this class speaks AT about them.
 */
final class LineRateAlignment {

    private static final Logger log = LoggerFactory.getLogger(LineRateAlignment.class);

    /** The worker's reopening: closes the current line and opens a fresh one at {@code spec}, which it then keeps. */
    @FunctionalInterface
    interface Reopener {
        void reopen(LinkSpec spec) throws IOException;
    }

    /**
     * How a search ended, as logged: the module answered at the configured rate after all, was moved to it, refused
     * the move and is used where it was found, went silent at both rates after accepting the move, or was not found.
     */
    enum Outcome { ANSWERED_AT_CONFIGURED, CHANGED, KEPT_FOUND, LOST_AFTER_CHANGE, NOT_FOUND }

    private final WorkerContext context;
    private final Supplier<LinkSpec> current;
    private final Reopener link;

    /** @param current the link as the worker last opened it */
    LineRateAlignment(WorkerContext context, Supplier<LinkSpec> current, Reopener link) {
        this.context = context;
        this.current = current;
        this.link = link;
    }

    /** Whether a search can help: it is enabled and the host sets this link's rate. */
    boolean applies() {
        LinkSpec configured = context.settings.link();
        return context.settings.lineRateSearch().enabled() && configured.rate().isPresent()
                && configured.atRate(configured.rate().getAsInt()).isPresent();
    }

    /**
     * Called when the module did not answer a short probe on the current line. Leaves the line open at the rate the
     * module answers at and returns true, or, when it answers at none, reopens it at the configured rate and returns
     * false (the caller's patient probing then decides).
     */
    boolean align() throws IOException {
        LinkSpec configured = context.settings.link();
        int target = configured.rate().orElseThrow();
        int tried = current.get().rate().orElse(target);
        OptionalInt found = search(configured, tried);
        if (found.isEmpty()) {
            link.reopen(configured);
            report(Outcome.NOT_FOUND, null, target);
            return false;
        }
        int rate = found.getAsInt();
        if (rate == target) {
            report(Outcome.ANSWERED_AT_CONFIGURED, rate, target);
            return true;
        }
        if (moveTo(configured, target)) {
            report(Outcome.CHANGED, rate, target);
            return true;
        }
        LinkSpec foundAt = configured.atRate(rate).orElseThrow();
        link.reopen(foundAt);
        if (answers(context.settings.lineRateSearch().probesAfterChange())) {
            report(Outcome.KEPT_FOUND, rate, target);
            return true;
        }
        link.reopen(configured);
        report(Outcome.LOST_AFTER_CHANGE, rate, target);
        return false;
    }

    /** Each usual rate except the one just tried; the configured rate comes first when it was not the one tried. */
    private OptionalInt search(LinkSpec configured, int alreadyTried) throws IOException {
        var rates = new java.util.ArrayList<Integer>();
        if (alreadyTried != configured.rate().getAsInt()) {
            rates.add(configured.rate().getAsInt());
        }
        context.settings.lineRateSearch().rates().stream().filter(r -> r != alreadyTried && !rates.contains(r))
                .forEach(rates::add);
        for (int rate : rates) {
            link.reopen(configured.atRate(rate).orElseThrow());
            if (answers(1)) {
                return OptionalInt.of(rate);
            }
            log.debug("module={} no answer at line rate {}", context.id, rate);
        }
        return OptionalInt.empty();
    }

    /** {@code AT+IPR=<target>} at the found rate, then the line reopened at the target and probed patiently. */
    private boolean moveTo(LinkSpec configured, int target) throws IOException {
        ExchangeResult set;
        try {
            set = context.exec(new Basic.LineRate(target));
        } catch (ModuleException.ModuleTimeout timeout) {
            log.warn("module={} no answer to AT+IPR={}", context.id, target);
            return false;
        }
        if (!set.ok()) {
            log.warn("module={} refused AT+IPR={}: {}", context.id, target, set.result());
            return false;
        }
        link.reopen(configured);
        return answers(context.settings.lineRateSearch().probesAfterChange());
    }

    /** Whether any of {@code probes} short {@code AT}s gets a final result (even ERROR: the line is in step). */
    private boolean answers(int probes) {
        var probe = new Basic.Attention(context.settings.lineRateSearch().probeTimeout());
        for (int attempt = 1; attempt <= probes; attempt++) {
            try {
                context.exec(probe);
                return true;
            } catch (ModuleException.ModuleTimeout silent) {
                log.debug("module={} no answer to AT at {} (probe {} of {})", context.id, current.get().rate(),
                        attempt, probes);
            } catch (ModuleException.ModuleUnavailable lost) {
                if (lost.status() == ModuleStatus.STOPPED) {
                    throw lost;
                }
                // e.g. a serial server that still holds the previous connection turns a quick reopen away: no
                // answer at this rate, the search goes on
                log.debug("module={} line lost at {}: {}", context.id, current.get().rate(), lost.getMessage());
                return false;
            }
        }
        return false;
    }

    private void report(Outcome outcome, Integer found, int configured) {
        if (outcome == Outcome.NOT_FOUND || outcome == Outcome.LOST_AFTER_CHANGE) {
            log.warn("module={} line_rate_search={} found_rate={} configured_rate={} rates_tried={}", context.id,
                    outcome, found == null ? "none" : found, configured, context.settings.lineRateSearch().rates());
        } else {
            log.info("module={} line_rate_search={} found_rate={} configured_rate={} current_rate={}", context.id,
                    outcome, found, configured, current.get().rate().orElse(0));
        }
    }
}
