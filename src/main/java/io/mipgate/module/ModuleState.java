package io.mipgate.module;

import io.mipgate.at.command.AtCommand;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEventListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module-wide facts of one module (status, identity, profile, settings to re-apply) and the single lock that
 * guards them, the connection table, the decoder and the in-flight exchange. Events raised while the lock is held are
 * delivered after it is released, so listeners never run under the worker's lock.
 */
final class ModuleState {

    private static final Logger log = LoggerFactory.getLogger(ModuleState.class);

    final String id;
    final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<ModuleEvent> outbox = new ArrayList<>();
    private final List<ModuleEventListener> listeners = new CopyOnWriteArrayList<>();
    private final FaultTally faults = new FaultTally();

    private volatile ModelProfile profile;
    private String model;
    private String firmware;
    private String imei;
    private volatile ModuleStatus status = ModuleStatus.STARTING;
    private Instant statusSince;
    private volatile String lastError;
    /** ATE0 is in force: set by the start-up sequence, cleared when the module reboots. */
    private volatile boolean echoOff;
    private volatile DataCallState dataCall = DataCallState.unknown(null);
    /** An operator took the data call down: a loss is then not repaired. */
    private volatile boolean dataCallHeldDown;
    /** A loss was seen and its re-activation is queued. */
    private final java.util.concurrent.atomic.AtomicBoolean dataCallLossPending =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** Settings operators made, by what they set (option and connect_id), re-applied after every reboot. */
    private final LinkedHashMap<String, AtCommand> remembered = new LinkedHashMap<>();

    ModuleState(String id, Clock clock, ModelProfile initialProfile) {
        this.id = id;
        this.clock = clock;
        this.statusSince = clock.instant();
        this.profile = initialProfile;
    }

    Instant now() {
        return clock.instant();
    }

    void lock() {
        lock.lock();
    }

    /** Releases the lock; the outermost release delivers the events raised meanwhile. */
    void unlock() {
        List<ModuleEvent> deliver = null;
        if (lock.getHoldCount() == 1 && !outbox.isEmpty()) {
            deliver = new ArrayList<>(outbox);
            outbox.clear();
        }
        lock.unlock();
        if (deliver != null) {
            deliver.forEach(this::deliver);
        }
    }

    void locked(Runnable action) {
        lock();
        try {
            action.run();
        } finally {
            unlock();
        }
    }

    <T> T locked(Supplier<T> action) {
        lock();
        try {
            return action.get();
        } finally {
            unlock();
        }
    }

    void subscribe(ModuleEventListener listener) {
        listeners.add(listener);
    }

    void publish(ModuleEvent event) {
        faults.record(event);
        if (lock.isHeldByCurrentThread()) {
            outbox.add(event);
        } else {
            deliver(event);
        }
    }

    private void deliver(ModuleEvent event) {
        for (ModuleEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("module={} event listener failed on {}: {}", id, event.type(), e.toString());
            }
        }
    }

    ModelProfile profile() {
        return profile;
    }

    FaultCounts faults() {
        return faults.counts();
    }

    void profile(ModelProfile newProfile) {
        this.profile = newProfile;
    }

    void identity(String model, String firmware, String imei) {
        this.model = model;
        this.firmware = firmware;
        this.imei = imei;
    }

    String model() {
        return model;
    }

    String firmware() {
        return firmware;
    }

    String imei() {
        return imei;
    }

    ModuleStatus status() {
        return status;
    }

    void status(ModuleStatus to, String reason) {
        ModuleStatus from = status;
        if (from == to) {
            return;
        }
        status = to;
        statusSince = clock.instant();
        if (to == ModuleStatus.DOWN || to == ModuleStatus.FAILED) {
            lastError = reason;
        }
        log.info("module={} status {} -> {}{}", id, from, to, reason == null ? "" : " (" + reason + ")");
        publish(new ModuleEvent.StatusChanged(id, statusSince, from, to, reason));
    }

    Instant statusSince() {
        return statusSince;
    }

    String lastError() {
        return lastError;
    }

    void lastError(String error) {
        this.lastError = error;
    }

    boolean echoOff() {
        return echoOff;
    }

    void echoOff(boolean value) {
        this.echoOff = value;
    }

    DataCallState dataCall() {
        return dataCall;
    }

    void dataCall(DataCallState state) {
        this.dataCall = state;
    }

    boolean dataCallHeldDown() {
        return dataCallHeldDown;
    }

    void dataCallHeldDown(boolean heldDown) {
        this.dataCallHeldDown = heldDown;
    }

    /** True for the first report of a loss, false while its re-activation is already queued. */
    boolean dataCallLossNoticed() {
        return dataCallLossPending.compareAndSet(false, true);
    }

    void dataCallLossHandled() {
        dataCallLossPending.set(false);
    }

    void remember(String key, AtCommand setting) {
        remembered.put(key, setting);
    }

    List<AtCommand> rememberedSettings() {
        return List.copyOf(remembered.values());
    }

}
