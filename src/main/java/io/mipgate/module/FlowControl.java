package io.mipgate.module;

import io.mipgate.at.command.MipRd;
import io.mipgate.at.decode.Information;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.at.command.MipMode;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.module.connection.ReceiveBuffer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps received data moving without loss: buffer-mode connections are drained with AT+MIPRD while the gateway has
 * room, a push-mode connection whose client falls behind is held back in the module ({@link ReceiveHold}), and a
 * transparent connection holds the serial line back when its gateway buffer is full.
 */
final class FlowControl {

    private static final Logger log = LoggerFactory.getLogger(FlowControl.class);

    private final WorkerContext context;
    private volatile boolean escaping;

    FlowControl(WorkerContext context) {
        this.context = context;
    }

    /** Queues a control job that drains a buffer-mode connection into the gateway buffer while there is room. */
    void scheduleRead(int connectId) {
        if (!context.table.traffic.claimRead(connectId)) {
            releaseIfCaughtUp(connectId);
            return;
        }
        context.control("AT+MIPRD", () -> {
            readBuffered(connectId);
            return null;
        }).whenComplete((ignored, failure) -> {
            context.table.traffic.readDone(connectId);
            if (failure == null) {
                scheduleRead(connectId);
            }
        });
    }

    /** One AT+MIPRD sized to the room left in the gateway buffer and to the model's largest read. */
    private void readBuffered(int connectId) {
        ModelProfile profile = context.state.profile();
        record Need(Protocol protocol, int free, long unread) {
        }
        Need need = context.table.inspect(connectId, slot ->
                new Need(slot.protocol, slot.receiveBuffer.free(), slot.moduleUnread));
        if (need.free() == 0 || need.unread() == 0) {
            return;
        }
        MipRd.Read read;
        if (need.protocol() == Protocol.UDP) {
            int count = profile.receive().multiPacketRead()
                    ? (int) Math.max(1, Math.min(need.unread(), need.free() / 1500)) : 1;
            read = MipRd.Read.packets(connectId, count);
        } else {
            int max = profile.receive().readLength().max();
            read = MipRd.Read.bytes(connectId, (int) Math.min(Math.min(need.free(), max), need.unread()));
        }
        ExchangeResult result = context.exec(read).orThrow(context.id, "AT+MIPRD");
        if (result.lines(Information.MipRdDataLine.class).isEmpty()) {
            context.table.traffic.moduleUnread(connectId, 0);
        }
    }

    /** Moves a push-mode connection whose client falls behind to the buffer mode of its protocol. */
    void holdBack(int connectId) {
        context.control("AT+MIPMODE", () -> {
            switchHold(connectId, true);
            return null;
        });
    }

    private void releaseIfCaughtUp(int connectId) {
        if (context.table.traffic.claimRelease(connectId)) {
            context.control("AT+MIPMODE", () -> {
                switchHold(connectId, false);
                return null;
            });
        }
    }

    private void switchHold(int connectId, boolean hold) {
        record Now(boolean current, AccessMode target) {
        }
        Now now = context.table.inspect(connectId, slot -> {
            AccessMode buffered = slot.protocol == Protocol.UDP ? AccessMode.PACKET_BUFFER : AccessMode.STREAM_BUFFER;
            AccessMode from = hold ? AccessMode.NORMAL : buffered;
            return new Now(slot.hold == ReceiveHold.SWITCHING && slot.state == ConnectionState.CONNECTED
                    && slot.mode == from, hold ? buffered : AccessMode.NORMAL);
        });
        if (!now.current()) {
            context.table.traffic.holdAbandoned(connectId);
            return;
        }
        MipMode.Set command = MipMode.Set.to(connectId, now.target());
        ExchangeResult result = context.exec(command, null, () -> context.table.mode(connectId, now.target()));
        if (!result.ok()) {
            log.warn("module={} connect_id={} command=AT+MIPMODE refused ({}): receive stays {}", context.id,
                    connectId, result.result(), hold ? "in push mode, overflow is counted" : "held in the module");
            context.table.traffic.holdUnavailable(connectId);
            return;
        }
        context.table.traffic.holdSettled(connectId, hold);
        log.info("module={} connect_id={} receive {} ({} bytes unread in the gateway)", context.id, connectId,
                hold ? "held back in the module: the client reads too slowly" : "back in push mode",
                context.table.snapshot(connectId).bufferedBytes());
        if (hold) {
            scheduleRead(connectId);
        }
    }

    /**
     * In transparent mode the line carries one connection's bytes and nothing else, so when its gateway buffer is
     * full the reader stops reading: the serial line, then the module's socket, then the peer are held back by flow
     * control instead of bytes being dropped. Not while {@code +++} is pending: its OK must get through.
     */
    void awaitTransparentRoom(int bytes, java.util.function.BooleanSupplier running) throws InterruptedException {
        while (running.getAsBoolean()) {
            if (context.table.bridged() == null || escaping) {
                return; // the common case costs two volatile reads, no lock, on the serial read loop
            }
            Optional<ReceiveBuffer> buffer = context.table.traffic.bridgedBuffer();
            if (buffer.isEmpty() || buffer.get().awaitFree(bytes, 200)) {
                return;
            }
        }
    }

    void escaping(boolean value) {
        escaping = value;
    }
}
