package io.mipgate.module;

import java.util.function.Consumer;

/**
 * What URCs ask of the worker. Called on the reader thread under the module lock, so each only queues a control job
 * or raises a flag for the worker's loop; nothing here touches the line.
 */
final class WorkerFollowups implements UrcRouter.Followups {

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
    public void askUnread(int connectId) {
        context.control("AT+MIPRD?", () -> {
            reconciler.readUnread(connectId);
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

    @Override
    public void moduleRebooted(String why) {
        rebootSeen.accept(why);
    }
}
