package io.mipgate.module;

import io.mipgate.module.event.ModuleEvent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every module's cellular status on a schedule, and at once when a module comes UP, so the API, metrics and
 * history show it without anybody asking. Each reading is a control job on the module's worker; a module that is not
 * UP, or whose line is in transparent mode, is skipped until the next round.
 */
public final class CellularStatusPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CellularStatusPoller.class);

    private final DeviceManager devices;
    private final Duration interval;
    private ScheduledFuture<?> schedule;

    /** @param interval time between readings; zero reads only on demand and when a module comes UP */
    public CellularStatusPoller(DeviceManager devices, Duration interval) {
        this.devices = devices;
        this.interval = interval;
    }

    public synchronized void start() {
        devices.subscribe(event -> {
            if (event instanceof ModuleEvent.StatusChanged changed && changed.to() == ModuleStatus.UP) {
                Deadlines.after(Duration.ZERO, () -> poll(devices.client(changed.moduleId())));
            }
        });
        devices.clients().forEach(this::poll);
        if (!interval.isZero() && schedule == null) {
            schedule = Deadlines.every(interval, () -> devices.clients().forEach(this::poll));
        }
    }

    private void poll(ModuleClient client) {
        try {
            client.cellular().poll().exceptionally(failure -> {
                log.debug("module={} cellular status not read: {}", client.id(), failure.getMessage());
                return null;
            });
        } catch (RuntimeException e) {
            log.debug("module={} cellular status not read: {}", client.id(), e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }
}
