package io.mipgate.module;

import io.mipgate.at.command.MipRd;
import io.mipgate.at.decode.Information;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.domain.Protocol;
import io.mipgate.module.connection.ReceiveBuffer;
import java.util.Optional;

/**
 * Keeps received data moving without loss: buffer-mode connections are drained with AT+MIPRD while the gateway has
 * room, and a transparent connection holds the serial line back when its gateway buffer is full.
 */
final class FlowControl {

    private final WorkerContext context;
    private volatile boolean escaping;

    FlowControl(WorkerContext context) {
        this.context = context;
    }

    /** Queues a control job that drains a buffer-mode connection into the gateway buffer while there is room. */
    void scheduleRead(int connectId) {
        if (!context.table.traffic.claimRead(connectId)) {
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
