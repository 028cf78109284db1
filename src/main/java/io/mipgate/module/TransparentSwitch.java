package io.mipgate.module;

import io.mipgate.at.command.Escape;
import io.mipgate.at.command.MipMode;
import io.mipgate.domain.AccessMode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Leaves and enters transparent mode on the worker thread: {@code +++} between guard times, and
 * {@code AT+MIPMODE=<id>,1} until {@code CONNECT}. Used by the client's mode switches and closes, and by the
 * {@link TransparentRebootWatch} when it asks a transparent module whether it is still there.
 */
final class TransparentSwitch {

    private final WorkerContext context;
    private final FlowControl flow;
    private final Supplier<LineSession> line;

    TransparentSwitch(WorkerContext context, FlowControl flow, Supplier<LineSession> line) {
        this.context = context;
        this.flow = flow;
        this.line = line;
    }

    /**
     * Guard time, {@code +++}, guard time, {@code OK}; the line is back in command mode.
     *
     * @param onOk runs on the reader thread as the {@code OK} is decoded, before anything the module says after it
     * @throws ModuleException.ModuleTimeout no {@code OK}: the module was not in transparent mode
     */
    void escape(int connectId, Runnable onOk) {
        Duration guard = context.settings.escapeGuard();
        flow.escaping(true);
        try {
            LineSession.sleep(guard);
            context.state.locked(() -> line.get().decoder().escapeSent());
            context.exec(new Escape(guard), null, onOk).orThrow(context.id, "+++");
        } finally {
            flow.escaping(false);
        }
        context.table.bridgeEnded(connectId);
    }

    /**
     * The module is in command mode without having answered {@code +++} (it rebooted): the decoder stops reading the
     * line as the connection's stream and the escape it waited for.
     */
    void leftWithoutEscape(int connectId) {
        context.state.locked(() -> {
            context.table.bridgeEnded(connectId);
            line.get().decoder().reset();
        });
    }

    /** {@code AT+MIPMODE=<id>,1} and the wait for its {@code CONNECT}: the line carries this connection's bytes. */
    void enter(int connectId) throws Exception {
        MipMode.Set command = MipMode.Set.to(connectId, AccessMode.TRANSPARENT);
        CompletableFuture<Void> connected = context.table.lifecycle.expectConnect(connectId);
        context.exec(command, null, null).orThrow(context.id, command.describe());
        Deadlines.within(connected, command.asyncResult(context.state.profile()).orElseThrow().deadline(),
                context.id, "CONNECT").get();
    }
}
