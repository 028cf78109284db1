package io.mipgate.module;

import io.mipgate.at.command.MipCfg;
import io.mipgate.at.command.MipMode;
import io.mipgate.at.command.MipRd;
import io.mipgate.at.command.MipState;
import io.mipgate.at.decode.Information;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.MipCfgOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the connection table in line with the module: AT+MIPSTATE? adopts connections the module holds (a gateway
 * restart must not lose them) and closes the ones it no longer has; AT+MIPSTATE=<id> settles a {@code "disconn"}
 * that may belong to a predecessor on a reused id. An adopted connection's mode, encoding and unread bytes are read
 * from the module before anything of it is decoded.
 */
final class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final WorkerContext context;
    private final FlowControl flow;
    private final PreviousRunLoss previousRun;

    Reconciler(WorkerContext context, FlowControl flow) {
        this.context = context;
        this.flow = flow;
        this.previousRun = new PreviousRunLoss(context);
    }

    void reconcile() {
        List<Information.MipStateLine> lines = context.exec(new MipState.Read()).orThrow(context.id, "AT+MIPSTATE?")
                .lines(Information.MipStateLine.class);
        List<Integer> believedOpen = context.table.connectedIds();
        List<Integer> vanished = new ArrayList<>();
        List<Integer> adopted = new ArrayList<>();
        for (Information.MipStateLine line : lines) {
            if (!context.table.ids().contains(line.id())) {
                continue;
            }
            ConnectionState moduleState = ConnectionState.parse(line.state());
            if (moduleState.isOpen() && context.table.adoptable(line.id())) {
                AccessMode mode = learnFormats(line.id());
                if (context.table.adopt(line.id(), line.protocolOrNull(), line.address(),
                        line.port() == null ? 0 : line.port(), moduleState, mode)) {
                    adopted.add(line.id());
                }
            } else if (!moduleState.isOpen() && believedOpen.contains(line.id())) {
                vanished.add(line.id());
            }
        }
        context.table.vanished(vanished);
        adopted.forEach(this::readUnread);
        previousRun.settle(adopted);
    }

    /** Settles a {@code "disconn"} on a reused id: closes the connection only if the module no longer has it. */
    void confirmDisconnect(int connectId, long generation, int connectState) {
        var line = context.exec(new MipState.Query(connectId)).orThrow(context.id, "AT+MIPSTATE")
                .lines(Information.MipStateLine.class).stream().filter(l -> l.id() == connectId).findFirst();
        ConnectionState moduleState = line.map(l -> ConnectionState.parse(l.state())).orElse(ConnectionState.CLOSED);
        context.table.lifecycle.confirmed(connectId, generation, moduleState, ConnectionLifecycle.disconnectReason(connectState));
    }

    /** AT+MIPSTATE=<id> for one connection an operator asks about. */
    ConnectionSnapshot refresh(int connectId) {
        var lines = context.exec(new MipState.Query(connectId)).orThrow(context.id, "AT+MIPSTATE")
                .lines(Information.MipStateLine.class);
        lines.stream().filter(l -> l.id() == connectId).findFirst().ifPresent(line -> {
            if (!ConnectionState.parse(line.state()).isOpen()) {
                context.table.vanished(List.of(connectId));
            }
        });
        return context.table.snapshot(connectId);
    }

    /**
     * Mode and encoding of a connection about to be adopted, read before the table and the decoder take it over, so
     * its data is decoded the way the module prints it (a gateway restart must not assume normal mode).
     */
    private AccessMode learnFormats(int connectId) {
        try {
            context.exec(new MipCfg.Query(MipCfgOption.ENCODING, connectId)).orThrow(context.id, "AT+MIPCFG")
                    .lines(Information.MipCfgLine.class).stream()
                    .filter(e -> e.id() == connectId).findFirst()
                    .ifPresent(e -> SettingEffects.readBack(context.table, e));
            return context.exec(new MipMode.Query(connectId)).orThrow(context.id, "AT+MIPMODE?")
                    .lines(Information.MipModeLine.class).stream().filter(m -> m.id() == connectId).findFirst()
                    .map(Information.MipModeLine::mode).orElse(AccessMode.NORMAL);
        } catch (ModuleException | IllegalArgumentException e) {
            log.warn("module={} connect_id={} mode of adopted connection unknown, assuming normal: {}", context.id,
                    connectId, e.getMessage());
            return AccessMode.NORMAL;
        }
    }

    /** A claimed check (see {@link ConnectionTraffic#claimUnreadChecks}): asks, then lets the next one be claimed. */
    void checkUnread(int connectId) {
        try {
            readUnread(connectId);
        } finally {
            context.table.traffic.unreadChecked(connectId);
        }
    }

    /**
     * Asks the module how many bytes a buffer-mode connection holds (AT+MIPRD=<id>) and reads them: after adoption,
     * and for a connection whose notices may have been lost, so that no received byte stays in the module.
     */
    void readUnread(int connectId) {
        if (!context.table.inspect(connectId, slot -> slot.mode.isBuffered())) {
            return;
        }
        try {
            context.exec(new MipRd.Query(connectId)).orThrow(context.id, "AT+MIPRD?")
                    .lines(Information.MipRdQueryLine.class).stream().findFirst().ifPresent(q -> {
                        context.table.traffic.moduleUnread(connectId, q.unread());
                        flow.scheduleRead(connectId);
                    });
        } catch (ModuleException e) {
            log.warn("module={} connect_id={} command=AT+MIPRD? unread bytes unknown: {}", context.id, connectId,
                    e.getMessage());
        }
    }
}
