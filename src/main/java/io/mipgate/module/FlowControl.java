package io.mipgate.module;

import io.mipgate.module.connection.ConnectionSlot;
import io.mipgate.module.job.JobPriority;

/**
 * Keeps received data moving without loss: buffer-mode connections are drained with AT+MIPRD while the gateway has
 * room, and a transparent connection holds the serial line back when its gateway buffer is full.
 */
final class FlowControl {

    private final ModuleWorker worker;
    private final ModuleState state;
    private final ModuleInitializer initializer;
    private volatile boolean escaping;

    FlowControl(ModuleWorker worker, ModuleInitializer initializer) {
        this.worker = worker;
        this.state = worker.state;
        this.initializer = initializer;
    }

    /** Queues a control job that drains a buffer-mode connection into the gateway buffer while there is room. */
    void scheduleRead(int connectId) {
        ConnectionSlot slot = state.slot(connectId);
        if (slot == null || slot.readPending() || slot.moduleUnread() <= 0 || slot.receiveBuffer().free() == 0
                || !slot.mode().isBuffered()) {
            return;
        }
        slot.readPending(true);
        worker.submit("AT+MIPRD", JobPriority.CONTROL, () -> {
            initializer.readBuffered(connectId);
            return null;
        }).whenComplete((ignored, failure) -> state.locked(() -> {
            slot.readPending(false);
            if (failure == null) {
                scheduleRead(connectId);
            }
        }));
    }

    /**
     * In transparent mode the line carries one connection's bytes and nothing else, so when its gateway buffer is
     * full the reader stops reading: the serial line, then the module's socket, then the peer are held back by flow
     * control instead of bytes being dropped. Not while {@code +++} is pending: its OK must get through.
     */
    void awaitTransparentRoom(int bytes) throws InterruptedException {
        while (worker.isRunning()) {
            if (state.bridgedConnectId() == null || escaping) {
                return; // the common case costs two volatile reads, no lock, on the serial read loop
            }
            ConnectionSlot slot = state.locked(() -> {
                Integer bridged = state.bridgedConnectId();
                return bridged == null ? null : state.slot(bridged);
            });
            if (slot == null || slot.receiveBuffer().awaitFree(bytes, 200)) {
                return;
            }
        }
    }

    void escaping(boolean value) {
        escaping = value;
    }
}
