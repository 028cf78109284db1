package io.mipgate.module;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What URCs ask of the worker. Called on the reader thread under the module lock, so each only queues a control job
 * or raises a flag for the worker's loop; nothing here touches the line.
 */
final class WorkerFollowups implements UrcRouter.Followups {

    private static final Logger log = LoggerFactory.getLogger(WorkerFollowups.class);

    private final WorkerContext context;
    private final FlowControl flow;
    private final Reconciler reconciler;
    private final Supplier<LineSession> line;
    private final Consumer<String> rebootSeen;
    private final TransparentRebootWatch transparentReboot;

    WorkerFollowups(WorkerContext context, FlowControl flow, Reconciler reconciler, Supplier<LineSession> line,
                    Consumer<String> rebootSeen) {
        this.context = context;
        this.flow = flow;
        this.reconciler = reconciler;
        this.line = line;
        this.rebootSeen = rebootSeen;
        this.transparentReboot = new TransparentRebootWatch(context, new TransparentSwitch(context, flow, line),
                rebootSeen);
    }

    @Override
    public boolean holdTransparent(byte[] data) {
        return transparentReboot.hold(data);
    }

    @Override
    public void readBuffered(int connectId) {
        flow.scheduleRead(connectId);
    }

    @Override
    public void askUnread(int connectId) {
        context.control("AT+MIPRD?", () -> {
            reconciler.checkUnread(connectId);
            return null;
        }).exceptionally(refused -> {
            context.table.traffic.unreadChecked(connectId); // not queued (queue full, module down): claimable again
            return null;
        });
    }

    @Override
    public void holdBack(int connectId) {
        flow.holdBack(connectId);
    }

    @Override
    public void confirmDisconnect(int connectId, long generation, int connectState) {
        context.control("AT+MIPSTATE", () -> {
            reconciler.confirmDisconnect(connectId, generation, connectState);
            return null;
        });
    }

    /** One check per loss, however many connections reported it; the check re-activates unless an operator took it down. */
    @Override
    public void dataCallLost() {
        if (!context.state.dataCallLossNoticed()) {
            return;
        }
        context.control("AT+MIPCALL", () -> {
            context.state.dataCallLossHandled();
            if (context.state.dataCallHeldDown()) {
                return context.state.dataCall();
            }
            try {
                return new DataCallOps(context).activate();
            } catch (ModuleException e) {
                log.warn("module={} data call lost and not re-activated: {}", context.id, e.getMessage());
                return context.state.dataCall();
            }
        });
    }

    /** Only a reboot the worker did not cause counts; a rebooted module never answers the command in flight. */
    @Override
    public void moduleRebooted(String why) {
        if (context.state.status() != ModuleStatus.UP) {
            return;
        }
        rebootSeen.accept(why);
        LineSession session = line.get();
        if (session != null) {
            session.abandonExchange(new ModuleException.ModuleUnavailable(context.id, ModuleStatus.RECOVERING,
                    "module rebooted (" + why + ")"));
        }
    }
}
