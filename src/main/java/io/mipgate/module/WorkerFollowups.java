package io.mipgate.module;

import java.util.function.Consumer;
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
    private final Consumer<String> rebootSeen;

    WorkerFollowups(WorkerContext context, FlowControl flow, Reconciler reconciler, Consumer<String> rebootSeen) {
        this.context = context;
        this.flow = flow;
        this.reconciler = reconciler;
        this.rebootSeen = rebootSeen;
    }

    @Override
    public void readBuffered(int connectId) {
        flow.scheduleRead(connectId);
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

    @Override
    public void moduleRebooted(String why) {
        rebootSeen.accept(why);
    }
}
