package io.mipgate.module;

import io.mipgate.at.command.MipSack;
import io.mipgate.at.decode.Information;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.module.event.ModuleEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts for what a previous gateway run lost on the connections it never saw close, once, after the first
 * reconciliation of this run: the bytes it had buffered for no client (its last counter checkpoint) and, for a
 * connection adopted again, the bytes the module handed over beyond what that run recorded. A crash must never lose
 * data silently: every such connection gets a {@link ModuleEvent.RestartLoss}, and the adopted one shows the loss in
 * its dropped bytes.
 */
final class PreviousRunLoss {

    private static final Logger log = LoggerFactory.getLogger(PreviousRunLoss.class);

    private final WorkerContext context;

    PreviousRunLoss(WorkerContext context) {
        this.context = context;
    }

    /**
     * Runs on the worker thread after adoption and the AT+MIPRD? of what the module holds, before the gateway reads
     * any of it: the module's received counter then still splits into what the previous run was handed, what this
     * run received and what the module holds.
     */
    void settle(List<Integer> adopted) {
        for (int connectId : adopted) {
            RecordedConnections.LastLifetime before = context.table.takeLeftOpen(connectId);
            if (before != null) {
                Long handedOver = handedOverBefore(connectId);
                Long unaccounted = handedOver == null ? null : Math.max(0, handedOver - before.receivedBytes());
                ConnectionSnapshot now = context.table.snapshot(connectId);
                report(connectId, now.generation(), before, unaccounted);
                long lost = before.bufferedBytes() + (unaccounted == null ? 0 : unaccounted);
                if (lost > 0) {
                    context.table.lostBeforeAdoption(connectId, lost);
                }
            }
        }
        for (int connectId : context.table.idsWhere(slot -> slot.leftOpenBefore != null)) {
            RecordedConnections.LastLifetime before = context.table.takeLeftOpen(connectId);
            if (before != null) {
                report(connectId, 0, before, null);
            }
        }
    }

    /** AT+MIPSACK received, less what the module still holds and what this run already received; null if unknown. */
    private Long handedOverBefore(int connectId) {
        boolean countable = context.state.profile().sack() && context.table.inspect(connectId,
                slot -> slot.protocol == Protocol.TCP && slot.mode != AccessMode.TRANSPARENT);
        if (!countable) {
            return null;
        }
        try {
            var line = context.exec(new MipSack(connectId)).orThrow(context.id, "AT+MIPSACK")
                    .lines(Information.MipSackLine.class).stream().findFirst();
            if (line.isEmpty()) {
                return null;
            }
            long heldAndSince = context.table.inspect(connectId, slot -> slot.moduleUnread + slot.bytesReceived);
            return Math.max(0, line.get().received() - heldAndSince);
        } catch (ModuleException e) {
            log.warn("module={} connect_id={} bytes handed to the previous run unknown: {}", context.id, connectId,
                    e.getMessage());
            return null;
        }
    }

    private void report(int connectId, long generation, RecordedConnections.LastLifetime before, Long unaccounted) {
        ModuleEvent.RestartLoss loss = new ModuleEvent.RestartLoss(context.id, context.state.now(), connectId,
                generation, before.generation(), before.bufferedBytes(), unaccounted);
        if (loss.lostBytes() > 0 || unaccounted == null) {
            log.warn("module={} connect_id={} previous run's generation={} lost {} unread bytes and {} unaccounted ({})",
                    context.id, connectId, before.generation(), before.bufferedBytes(),
                    unaccounted == null ? "an unknown number of" : unaccounted,
                    generation == 0 ? "connection gone from the module" : "adopted as generation " + generation);
        } else {
            log.info("module={} connect_id={} previous run's generation={} lost nothing", context.id, connectId,
                    before.generation());
        }
        context.state.publish(loss);
    }
}
