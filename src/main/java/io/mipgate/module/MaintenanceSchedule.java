package io.mipgate.module;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic work of a module: AT+MIPSTATE? reconciliation, asking after buffer-mode connections that have been
 * quiet (their notices may have been lost) and AT+MIPSACK sampling, each queued as a short control
 * job on a timer while the module is UP and the line is in command mode, so it runs under load as well as when idle
 * and never holds the line between runs.
 */
final class MaintenanceSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceSchedule.class);

    private final WorkerContext context;
    private final BooleanSupplier running;
    private final List<ScheduledFuture<?>> tasks;

    MaintenanceSchedule(WorkerContext context, Reconciler reconciler, SackSampler sampler, BooleanSupplier running) {
        this.context = context;
        this.running = running;
        this.tasks = Stream.of(
                every(context.settings.reconcileInterval(), "AT+MIPSTATE?", reconciler::reconcile),
                every(context.settings.reconcileInterval(), "AT+MIPRD?", () -> context.table.traffic
                        .claimUnreadChecks(context.settings.reconcileInterval()).forEach(reconciler::checkUnread)),
                every(context.settings.sackInterval(), "AT+MIPSACK", () -> {
                    if (context.state.profile().sack()) {
                        sampler.sampleAll();
                    }
                })).filter(Objects::nonNull).toList();
    }

    private ScheduledFuture<?> every(Duration period, String name, Runnable body) {
        if (period.isZero()) {
            return null;
        }
        return Deadlines.every(period, () -> {
            if (running.getAsBoolean() && context.state.status() == ModuleStatus.UP && context.table.bridged() == null) {
                context.control(name, () -> {
                    body.run();
                    return null;
                }).exceptionally(failure -> {
                    log.debug("module={} periodic {}: {}", context.id, name, failure.getMessage());
                    return null;
                });
            }
        });
    }

    @Override
    public void close() {
        tasks.forEach(task -> task.cancel(false));
    }
}
