package io.mipgate.module;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.Protocol;
import io.mipgate.module.connection.ReceiveBuffer;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEvent.DropSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane of the {@link ConnectionTable}: received bytes into the connection that owns them, what the module
 * still holds, send reports, counters, ACK samples and air-interface echoes. Same slots, same module lock: a facet of
 * the table, not a second owner; lifecycle transitions stay in the table.
 */
final class ConnectionTraffic {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTraffic.class);

    private final ModuleState state;
    private final ConnectionTable table;
    private final Map<Integer, CompletableFuture<Integer>> sends = new HashMap<>();

    ConnectionTraffic(ModuleState state, ConnectionTable table) {
        this.state = state;
        this.table = table;
    }

    /**
     * Bytes for a connection (push URC, AT+MIPRD, transparent stream). What does not fit is counted as dropped.
     *
     * @return whether a push-mode connection's buffer has filled past half and should be held back in the module
     */
    boolean received(int connectId, Protocol protocol, byte[] data) {
        return state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            if (slot == null) {
                return false;
            }
            slot.lastHeard = state.now();
            int taken = slot.receiveBuffer.append(data, 0, data.length);
            slot.bytesReceived += data.length;
            state.publish(new ModuleEvent.DataReceived(state.id, state.now(), connectId,
                    protocol == null ? slot.protocol : protocol, data.length));
            if (taken < data.length) {
                dropped(connectId, data.length - taken, DropSource.GATEWAY);
            }
            // half the buffer is the headroom for what the module pushes before the switch takes effect
            if (slot.mode == AccessMode.NORMAL && slot.hold == ReceiveHold.NONE
                    && slot.receiveBuffer.size() >= slot.receiveBuffer.capacity() / 2) {
                slot.hold = ReceiveHold.SWITCHING;
                return true;
            }
            return false;
        });
    }

    /** Bytes of the transparent stream go to the bridged connection. */
    void receivedTransparent(byte[] data) {
        state.locked(() -> {
            if (table.bridged() == null) {
                log.warn("module={} {} transparent bytes with no bridged connection", state.id, data.length);
                return;
            }
            received(table.bridged(), null, data);
        });
    }

    void dropped(int connectId, long bytes, DropSource source) {
        state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            if (slot != null) {
                slot.droppedBytes += bytes;
            }
            log.warn("module={} connect_id={} {} bytes dropped ({})", state.id, connectId, bytes, source);
            state.publish(new ModuleEvent.DataDropped(state.id, state.now(), connectId, bytes, source));
        });
    }

    /** Takes up to {@code max} buffered bytes of the connection now on the id; each byte is handed out once. */
    ReceivedWindow take(int connectId, int max) {
        table.requireKnown(connectId);
        return state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            long offset = slot.receiveBuffer.start();
            byte[] data = slot.receiveBuffer.take(max);
            return new ReceivedWindow(slot.generation, offset, data, slot.receiveBuffer.size());
        });
    }

    /**
     * A read the client confirms: bytes before {@code offset} are acknowledged and released, up to {@code max} bytes
     * from {@code offset} on are returned and kept until a later read passes their end. A response lost in transit
     * loses nothing: the client asks again from the same offset.
     *
     * @param generation the connection the client's offset belongs to, or null for the one now on the id
     */
    ReceivedWindow confirmedRead(int connectId, long offset, int max, Long generation) {
        table.requireKnown(connectId);
        return state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            if (generation != null && generation != slot.generation) {
                throw new ModuleException.StateConflict(state.id, "connect_id " + connectId + " of module "
                        + state.id + " now carries connection generation " + slot.generation + ", not " + generation
                        + ": offsets of one connection do not apply to another");
            }
            ReceiveBuffer buffer = slot.receiveBuffer;
            if (offset < buffer.start()) {
                throw new ModuleException.StateConflict(state.id, "bytes of connect_id " + connectId
                        + " before offset " + buffer.start() + " were acknowledged already; read from "
                        + buffer.start());
            }
            if (offset > buffer.end()) {
                throw new InvalidParameterException("from", offset, "at most " + buffer.end()
                        + " (the end of what connect_id " + connectId + " received)", null);
            }
            byte[] data = buffer.confirmAndPeek(offset, max);
            return new ReceivedWindow(slot.generation, offset, data, buffer.size() - data.length);
        });
    }

    /** How many bytes the module holds for a buffer-mode connection (notice or AT+MIPRD/AT+MIPRD? answer). */
    void moduleUnread(int connectId, long unread) {
        state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            if (slot != null) {
                slot.moduleUnread = Math.max(0, unread);
                slot.lastHeard = state.now();
            }
        });
    }

    /**
     * Claims a check of what the module holds for every open buffer-mode connection that the module may hold bytes
     * for without the gateway knowing: it believes nothing is unread, has heard nothing of it for {@code quiet}, and
     * no check is queued yet. A notice lost or in a shape nobody documented would otherwise strand those bytes.
     */
    List<Integer> claimUnreadChecks(Duration quiet) {
        Instant before = state.now().minus(quiet);
        return state.locked(() -> {
            List<Integer> ids = table.idsWhere(slot -> slot.state == ConnectionState.CONNECTED
                    && slot.mode.isBuffered() && slot.moduleUnread == 0 && !slot.readPending
                    && !slot.unreadCheckPending && (slot.lastHeard == null || !slot.lastHeard.isAfter(before)));
            ids.forEach(id -> table.slotLocked(id).unreadCheckPending = true);
            return ids;
        });
    }

    void unreadChecked(int connectId) {
        state.locked(() -> table.slotLocked(connectId).unreadCheckPending = false);
    }

    /** Marks a read as queued; false when one is queued already or nothing needs reading. */
    boolean claimRead(int connectId) {
        return state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            if (slot == null || slot.readPending || slot.moduleUnread <= 0 || slot.receiveBuffer.free() == 0
                    || !slot.mode.isBuffered()) {
                return false;
            }
            slot.readPending = true;
            return true;
        });
    }

    /**
     * Claims moving a held connection back to push mode: the client has caught up (a quarter of the buffer or less)
     * and the module holds nothing, so the switch's auto-flush cannot overrun the buffer.
     */
    boolean claimRelease(int connectId) {
        return state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            if (slot == null || slot.hold != ReceiveHold.HELD || !slot.mode.isBuffered() || slot.readPending
                    || slot.moduleUnread > 0 || slot.receiveBuffer.size() > slot.receiveBuffer.capacity() / 4) {
                return false;
            }
            slot.hold = ReceiveHold.SWITCHING;
            return true;
        });
    }

    /** A hold or its release took effect in the module: {@code held} is where the connection now stands. */
    void holdSettled(int connectId, boolean held) {
        state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            slot.hold = held ? ReceiveHold.HELD : ReceiveHold.NONE;
            state.publish(new ModuleEvent.ReceiveHeld(state.id, state.now(), connectId, held,
                    slot.receiveBuffer.size()));
        });
    }

    /** A queued hold or release found the connection changed (closed, or its mode set by a client): nothing to do. */
    void holdAbandoned(int connectId) {
        state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            if (slot.hold == ReceiveHold.SWITCHING) {
                slot.hold = slot.mode.isBuffered() && slot.state == ConnectionState.CONNECTED
                        ? ReceiveHold.HELD : ReceiveHold.NONE;
            }
        });
    }

    /** The module refused the switch: no more switching on this connection. */
    void holdUnavailable(int connectId) {
        state.locked(() -> table.slotLocked(connectId).hold = ReceiveHold.UNAVAILABLE);
    }

    void readDone(int connectId) {
        state.locked(() -> table.slotLocked(connectId).readPending = false);
    }

    // ---- sends and reports ----

    /** Registers the wait for {@code +MIPSEND: <id>,<len>}, which may come before or after the OK (FIELD-NOTES §7.1). */
    CompletableFuture<Integer> expectSendReport(int connectId) {
        CompletableFuture<Integer> accepted = new CompletableFuture<>();
        state.locked(() -> sends.put(connectId, accepted));
        return accepted;
    }

    void forgetSendReport(int connectId, CompletableFuture<Integer> accepted) {
        state.locked(() -> sends.remove(connectId, accepted));
    }

    void sendReport(int connectId, int length) {
        state.locked(() -> {
            var accepted = sends.get(connectId);
            if (accepted != null) {
                accepted.complete(length);
            }
        });
    }

    /** Where a send stands in its connection's stream when it is queued; see {@link #inOrder}. */
    record SendTicket(long generation, long failedSendsBefore) {
    }

    SendTicket sendTicket(int connectId) {
        return state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            return new SendTicket(slot.generation, slot.failedSends);
        });
    }

    /**
     * Why a queued send may no longer go out, or {@code null}: its connection was replaced on the id meanwhile (the
     * bytes would reach another peer), or, on TCP, a send on it failed since it was queued. A pipelined client
     * (several sends queued at once) would otherwise see the stream carry on past bytes that never left, and the peer
     * would receive it with a hole in the middle.
     */
    String outOfOrder(int connectId, SendTicket ticket) {
        return state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            if (slot.generation != ticket.generation()) {
                return "the connection this send was queued for is gone (connect_id " + connectId + " now carries"
                        + " generation " + slot.generation + ")";
            }
            if (slot.protocol == Protocol.TCP && slot.failedSends != ticket.failedSendsBefore()) {
                return "an earlier send on connect_id " + connectId + " failed after this one was queued: not sent,"
                        + " so that the stream has no hole; resend from the failed one";
            }
            return null;
        });
    }

    void sendFailed(int connectId, long generation) {
        state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            if (slot.generation == generation) {
                slot.failedSends++;
            }
        });
    }

    void sent(int connectId, long bytes) {
        state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            slot.bytesSent += bytes;
            state.publish(new ModuleEvent.DataSent(state.id, state.now(), connectId, slot.protocol, (int) bytes));
        });
    }

    void sack(int connectId, SackSample sample) {
        state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            slot.lastSack = sample;
            state.publish(new ModuleEvent.SackSampled(state.id, sample.at(), connectId, slot.protocol, sample.sent(),
                    sample.acked(), sample.nack(), sample.received()));
        });
    }

    void seq(int connectId, int seq, int result) {
        state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            if (slot != null) {
                slot.lastSeq = new SeqOutcome(seq, result, state.now());
                state.publish(new ModuleEvent.SeqReported(state.id, state.now(), connectId, seq, result == 0));
            }
        });
    }

    /** The receive buffer of the bridged connection, if any: the read loop waits on it for room. */
    Optional<ReceiveBuffer> bridgedBuffer() {
        return state.locked(() -> Optional.ofNullable(table.bridged()).map(id -> table.slotLocked(id).receiveBuffer));
    }

    /** Fails the send reports still awaited (link lost, module reset, shutdown). */
    void failPending(RuntimeException cause) {
        state.locked(() -> {
            sends.values().forEach(f -> f.completeExceptionally(cause));
            sends.clear();
        });
    }
}
