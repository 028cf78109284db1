package io.mipgate.module;

import io.mipgate.at.model.IntRange;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEvent.DropSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of every connection's state on a module: the slots, their transitions, their receive buffers and the
 * results that URCs complete. Every method takes the module lock itself, so the worker thread, the reader thread and
 * API threads never touch a slot directly; they get {@link ConnectionSnapshot}s back.
 */
final class ConnectionTable {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTable.class);



    /**
     * Tells the decoder how a connection's data is printed, and its protocol (the legacy {@code "recv"} names none);
     * replaced with every new line session.
     */
    @FunctionalInterface
    interface DecoderFormats {
        void connection(int connectId, Protocol protocol, AccessMode mode, RecvFormat recvFormat);
    }

    private final ModuleState state;
    private final int receiveBufferBytes;
    /** Opening, closing, disconnects and CONNECT, with the results their URCs complete. */
    final ConnectionLifecycle lifecycle;
    /** Received bytes, what the module still holds, send reports and counters. */
    final ConnectionTraffic traffic;
    private final TreeMap<Integer, ConnectionSlot> slots = new TreeMap<>();
    private IntRange ids;
    private Map<Integer, RecordedConnections.LastLifetime> previousRun = Map.of();
    private DecoderFormats decoder = (id, protocol, mode, format) -> { };
    /** Read without the lock by the serial read loop before every read (flow control); written under it. */
    private volatile Integer bridged;

    ConnectionTable(ModuleState state, int receiveBufferBytes) {
        this.state = state;
        this.receiveBufferBytes = receiveBufferBytes;
        this.lifecycle = new ConnectionLifecycle(state, this);
        this.traffic = new ConnectionTraffic(state, this);
        resize(state.profile().connectIds());
    }

    // ---- shape ----

    /** Resizes the table to the model's id range; ids outside it disappear. */
    void resize(IntRange connectIds) {
        state.locked(() -> {
            ids = connectIds;
            slots.keySet().removeIf(id -> !connectIds.contains(id));
            for (int id = connectIds.min(); id <= connectIds.max(); id++) {
                slots.computeIfAbsent(id, connectId -> remembered(new ConnectionSlot(connectId, receiveBufferBytes,
                        state.now())));
            }
        });
    }

    /** What the history holds of earlier runs on these ids; set before the worker starts. */
    void previousRun(Map<Integer, RecordedConnections.LastLifetime> lifetimes) {
        state.locked(() -> {
            previousRun = Map.copyOf(lifetimes);
            slots.values().forEach(this::remembered);
        });
    }

    private ConnectionSlot remembered(ConnectionSlot slot) {
        RecordedConnections.LastLifetime last = previousRun.get(slot.connectId);
        if (last != null) {
            slot.recordedGeneration = Math.max(slot.recordedGeneration, last.generation());
            if (last.leftOpen() && slot.generation == 0) {
                slot.leftOpenBefore = last;
            }
        }
        return slot;
    }

    /** A previous run's lifetime left open on the id, handed out once for its loss to be accounted; else null. */
    RecordedConnections.LastLifetime takeLeftOpen(int connectId) {
        return state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            if (slot == null) {
                return null;
            }
            RecordedConnections.LastLifetime last = slot.leftOpenBefore;
            slot.leftOpenBefore = null;
            return last;
        });
    }

    /** Points the table at a new line session's decoder and tells it every id's current form. */
    void attach(DecoderFormats formats) {
        state.locked(() -> {
            decoder = formats;
            slots.values().forEach(this::tellDecoder);
        });
    }

    IntRange ids() {
        return ids;
    }

    /** Fails with a parameter error when the model has no such id. */
    void requireKnown(int connectId) {
        if (!ids.contains(connectId)) {
            throw new InvalidParameterException("connectId", connectId, ids.min() + ".." + ids.max(),
                    state.profile().name());
        }
    }

    ConnectionSnapshot snapshot(int connectId) {
        requireKnown(connectId);
        return state.locked(() -> slots.get(connectId).snapshot());
    }

    List<ConnectionSnapshot> snapshots() {
        return state.locked(() -> slots.values().stream().map(ConnectionSlot::snapshot).toList());
    }

    <T> T inspect(int connectId, Function<ConnectionSlot, T> reader) {
        requireKnown(connectId);
        return state.locked(() -> reader.apply(slots.get(connectId)));
    }

    Integer bridged() {
        return bridged;
    }

    /** The ids that need work of a kind, chosen under the lock. */
    List<Integer> idsWhere(java.util.function.Predicate<ConnectionSlot> test) {
        return state.locked(() -> slots.values().stream().filter(test).map(s -> s.connectId).toList());
    }



    void retireUnread(ConnectionSlot slot) {
        int unread = slot.receiveBuffer.size();
        if (unread > 0) {
            log.warn("module={} connect_id={} generation={} {} unread bytes retired with the connection", state.id,
                    slot.connectId, slot.generation, unread);
            state.publish(new ModuleEvent.DataDropped(state.id, state.now(), slot.connectId, unread, DropSource.RETIRED));
        }
    }






    /** The module says the connection is gone (a refused send, reconciliation). */
    void gone(int connectId, long generation, String why) {
        state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            if (slot.generation == generation && slot.state != ConnectionState.CLOSED) {
                moveTo(slot, ConnectionState.CLOSED, why);
                endBridge(slot);
            }
        });
    }

    /** Whether the module's open connection on this id is news to the gateway. */
    boolean adoptable(int connectId) {
        return state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            return slot != null && !slot.state.isOpen() && slot.state != ConnectionState.CLOSING;
        });
    }

    /** Takes over a connection found open on the module (gateway restart, reconciliation). */
    boolean adopt(int connectId, Protocol protocol, String host, int port, ConnectionState moduleState,
                  AccessMode mode) {
        return state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            if (slot == null || slot.state.isOpen() || slot.state == ConnectionState.CLOSING) {
                return false;
            }
            retireUnread(slot);
            ConnectionState from = slot.state;
            slot.begin(protocol, host, port, mode, moduleState, "adopted from the module", state.now());
            tellDecoder(slot);
            log.info("module={} connect_id={} {} -> {} (adopted from the module)", state.id, connectId, from, moduleState);
            published(slot, from);
            return true;
        });
    }

    /** A previous run lost bytes of the connection now adopted on the id: they count as its dropped bytes. */
    void lostBeforeAdoption(int connectId, long bytes) {
        state.locked(() -> slots.get(connectId).droppedBytes += bytes);
    }

    /** The module rebooted: every connection is gone and every id is back at its power-on settings. */
    void moduleReset(RuntimeException pendingFailure) {
        state.locked(() -> {
            failPending(pendingFailure);
            for (ConnectionSlot slot : slots.values()) {
                slot.awaitingRelease = false;
                slot.moduleUnread = 0;
                slot.mode = AccessMode.NORMAL;
                slot.sendFormat = SendFormat.ASCII;
                slot.recvFormat = RecvFormat.ASCII;
                slot.inputTimeout = null;
                slot.hostReleases = false;
                if (slot.state != ConnectionState.INITIAL && slot.state != ConnectionState.CLOSED) {
                    moveTo(slot, ConnectionState.CLOSED, "module reset");
                }
                tellDecoder(slot);
            }
        });
    }

    /** Fails every result a URC would have completed (link lost, module reset, shutdown). */
    void failPending(RuntimeException cause) {
        state.locked(() -> {
            lifecycle.failPending(cause);
            traffic.failPending(cause);
            bridged = null;
        });
    }

    // ---- settings the decoder depends on ----

    /** A new access mode took effect (with the OK of AT+MIPMODE or on adoption). */
    void mode(int connectId, AccessMode mode) {
        state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            AccessMode before = slot.mode;
            slot.mode = mode;
            slot.hold = ReceiveHold.NONE; // whoever set the mode, the gateway's hold is over
            if (!mode.isBuffered()) {
                slot.moduleUnread = 0;
            }
            tellDecoder(slot);
            if (before != mode) {
                published(slot, slot.state);
            }
        });
    }

    /** A new encoding took effect (with the OK of AT+MIPCFG="encoding", or read back from the module). */
    void encoding(int connectId, SendFormat send, RecvFormat recv) {
        state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            slot.sendFormat = send;
            slot.recvFormat = recv;
            tellDecoder(slot);
        });
    }

    void inputTimeout(int connectId, java.time.Duration timeout) {
        state.locked(() -> slots.get(connectId).inputTimeout = timeout);
    }

    void hostReleases(int connectId, boolean value) {
        state.locked(() -> slots.get(connectId).hostReleases = value);
    }

    void tellDecoder(ConnectionSlot slot) {
        decoder.connection(slot.connectId, slot.protocol, slot.mode, slot.recvFormat);
    }

    // ---- transparent mode ----


    /** {@code +++} answered OK: the line is back in command mode. */
    void bridgeEnded(int connectId) {
        state.locked(() -> endBridge(slots.get(connectId)));
    }

    void endBridge(ConnectionSlot slot) {
        if (Integer.valueOf(slot.connectId).equals(bridged)) {
            bridged = null;
            slot.mode = AccessMode.NORMAL;
            tellDecoder(slot);
        }
    }


    /** Every slot; the caller holds the module lock. */
    java.util.Collection<ConnectionSlot> slotsLocked() {
        return slots.values();
    }

    /** CONNECT arrived: the line now carries this connection's bytes only. */
    void bridge(ConnectionSlot slot) {
        slot.mode = AccessMode.TRANSPARENT;
        bridged = slot.connectId;
    }

    /** The slot of an id; the caller holds the module lock (the table's facets, e.g. {@link ConnectionTraffic}). */
    ConnectionSlot slotLocked(int connectId) {
        return slots.get(connectId);
    }

    // ---- transitions ----

    void moveTo(ConnectionSlot slot, ConnectionState to, String why) {
        ConnectionState from = slot.state;
        slot.transition(to, why, state.now());
        log.info("module={} connect_id={} {} -> {} ({})", state.id, slot.connectId, from, to, why);
        published(slot, from);
    }

    void published(ConnectionSlot slot, ConnectionState from) {
        state.publish(new ModuleEvent.ConnectionChanged(state.id, state.now(), slot.connectId, slot.generation,
                from, slot.state, slot.reason, slot.protocol, slot.remoteHost, slot.remotePort, slot.mode));
    }

    /** Ids believed CONNECTED, for reconciliation. */
    List<Integer> connectedIds() {
        return idsWhere(s -> s.state == ConnectionState.CONNECTED);
    }

    /** Reconciliation found these connections gone from the module. */
    void vanished(List<Integer> connectIds) {
        state.locked(() -> {
            for (int id : new ArrayList<>(connectIds)) {
                ConnectionSlot slot = slots.get(id);
                if (slot.state == ConnectionState.CONNECTED) {
                    moveTo(slot, ConnectionState.CLOSED, "gone on reconciliation");
                    endBridge(slot);
                }
            }
        });
    }
}
