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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
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

    /** Tells the decoder how a connection's data is printed; replaced with every new line session. */
    @FunctionalInterface
    interface DecoderFormats {
        void connection(int connectId, AccessMode mode, RecvFormat recvFormat);
    }

    /** What a "disconn" did: closed the connection, or needs AT+MIPSTATE because it may be a predecessor's. */
    enum DisconnectVerdict { IGNORED, CLOSED, CONFIRM }

    /** A reserved open: the id, the generation it opens and the future the {@code +MIPOPEN} URC completes. */
    record PendingOpen(int connectId, long generation, CompletableFuture<Integer> result) {
    }

    private final ModuleState state;
    private final int receiveBufferBytes;
    private final TreeMap<Integer, ConnectionSlot> slots = new TreeMap<>();
    private final Map<Integer, CompletableFuture<Integer>> opens = new HashMap<>();
    private final Map<Integer, CompletableFuture<OptionalInt>> closes = new HashMap<>();
    private final Map<Integer, CompletableFuture<Integer>> sends = new HashMap<>();
    private IntRange ids;
    private DecoderFormats decoder = (id, mode, format) -> { };
    /** The id waiting for CONNECT (transparent open or AT+MIPMODE=<id>,1) and who waits for it. */
    private Integer connectFor;
    private CompletableFuture<Void> connect;
    /** Read without the lock by the serial read loop before every read (flow control); written under it. */
    private volatile Integer bridged;

    ConnectionTable(ModuleState state, int receiveBufferBytes) {
        this.state = state;
        this.receiveBufferBytes = receiveBufferBytes;
        resize(state.profile().connectIds());
    }

    // ---- shape ----

    /** Resizes the table to the model's id range; ids outside it disappear. */
    void resize(IntRange connectIds) {
        state.locked(() -> {
            ids = connectIds;
            slots.keySet().removeIf(id -> !connectIds.contains(id));
            for (int id = connectIds.min(); id <= connectIds.max(); id++) {
                slots.computeIfAbsent(id, connectId -> new ConnectionSlot(connectId, receiveBufferBytes, state.now()));
            }
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

    // ---- open ----

    /**
     * Reserves an id for AT+MIPOPEN and starts its new connection in CONNECTING with an empty buffer. Bytes the
     * previous connection on the id left unread are not handed to the new one: they are counted as that
     * connection's loss and reported.
     */
    PendingOpen beginOpen(Integer requested, OpenRequest request) {
        return state.locked(() -> {
            ConnectionSlot slot = requested != null ? slots.get(requested) : pickFree();
            if (!slot.isFree()) {
                throw new ModuleException.StateConflict(state.id, "connect_id " + slot.connectId + " of module "
                        + state.id + " is busy (" + slot.state + (slot.awaitingRelease ? ", awaiting release" : "") + ")");
            }
            retireUnread(slot);
            ConnectionState from = slot.state;
            slot.begin(request.protocol(), request.host(), request.port(), request.mode(), ConnectionState.CONNECTING,
                    "open requested", state.now());
            tellDecoder(slot);
            CompletableFuture<Integer> result = new CompletableFuture<>();
            opens.put(slot.connectId, result);
            if (request.mode() == AccessMode.TRANSPARENT) {
                connectFor = slot.connectId;
            }
            published(slot, from);
            return new PendingOpen(slot.connectId, slot.generation, result);
        });
    }

    /** Ids with nothing unread come first, then the least recently used, so a reuse rarely retires unread data. */
    private ConnectionSlot pickFree() {
        return slots.values().stream().filter(ConnectionSlot::isFree)
                .min((a, b) -> a.receiveBuffer.size() == 0 && b.receiveBuffer.size() != 0 ? -1
                        : b.receiveBuffer.size() == 0 && a.receiveBuffer.size() != 0 ? 1
                        : Long.compare(a.generation, b.generation))
                .orElseThrow(() -> new ModuleException.StateConflict(state.id, "no free connect_id on module " + state.id));
    }

    private void retireUnread(ConnectionSlot slot) {
        int unread = slot.receiveBuffer.size();
        if (unread > 0) {
            log.warn("module={} connect_id={} generation={} {} unread bytes retired with the connection", state.id,
                    slot.connectId, slot.generation, unread);
            state.publish(new ModuleEvent.DataDropped(state.id, state.now(), slot.connectId, unread, DropSource.RETIRED));
        }
    }

    /** The open command itself failed or its result never came: the connection of that generation is closed. */
    void openFailed(PendingOpen open, String why) {
        state.locked(() -> {
            opens.remove(open.connectId(), open.result());
            if (Integer.valueOf(open.connectId()).equals(connectFor)) {
                connectFor = null;
            }
            ConnectionSlot slot = slots.get(open.connectId());
            if (slot.generation == open.generation() && slot.state == ConnectionState.CONNECTING) {
                moveTo(slot, ConnectionState.CLOSED, why);
            }
        });
    }

    void openResult(int connectId, int result, String failure) {
        state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            var future = opens.remove(connectId);
            if (slot == null) {
                return;
            }
            if (result == 0) {
                moveTo(slot, ConnectionState.CONNECTED, "connected");
            } else {
                moveTo(slot, ConnectionState.CLOSED, "open failed: " + failure);
            }
            if (future != null) {
                future.complete(result);
            }
        });
    }

    // ---- close ----

    /** Registers the close of an open (or still-held) id and moves it to CLOSING. */
    CompletableFuture<OptionalInt> beginClose(int connectId) {
        return state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            if (slot.state == ConnectionState.INITIAL || (slot.state == ConnectionState.CLOSED && !slot.awaitingRelease)) {
                throw new ModuleException.StateConflict(state.id, "connect_id " + connectId + " of module " + state.id
                        + " is not open (" + slot.state + ")");
            }
            CompletableFuture<OptionalInt> result = new CompletableFuture<>();
            closes.put(connectId, result);
            if (slot.state != ConnectionState.CLOSED) {
                moveTo(slot, ConnectionState.CLOSING, "close requested");
            }
            return result;
        });
    }

    /** AT+MIPCLOSE was refused or its URC never came. {@code alreadyClosed}: the module says the id is not open. */
    void closeFailed(int connectId, CompletableFuture<OptionalInt> result, boolean alreadyClosed, String why) {
        state.locked(() -> {
            closes.remove(connectId, result);
            ConnectionSlot slot = slots.get(connectId);
            if (alreadyClosed) {
                slot.awaitingRelease = false;
                if (slot.state != ConnectionState.CLOSED) {
                    moveTo(slot, ConnectionState.CLOSED, why);
                }
            } else if (slot.state == ConnectionState.CLOSING) {
                moveTo(slot, ConnectionState.CONNECTED, "close failed: " + why);
            }
        });
    }

    void closeResult(int connectId, OptionalInt retCode) {
        state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            if (slot == null) {
                return;
            }
            if (!closes.containsKey(connectId) && slot.state.isOpen()) {
                // nobody closed this connection: the report belongs to one that lived on this id before (FIELD-NOTES §8.3)
                log.warn("module={} connect_id={} late +MIPCLOSE of a retired connection ignored", state.id, connectId);
                return;
            }
            slot.awaitingRelease = false;
            if (slot.state != ConnectionState.CLOSED) {
                moveTo(slot, ConnectionState.CLOSED, "closed by host"
                        + (retCode.isPresent() ? " (ret_code " + retCode.getAsInt() + ")" : ""));
            }
            endBridge(slot);
            var future = closes.remove(connectId);
            if (future != null) {
                future.complete(retCode);
            }
        });
    }

    /**
     * A {@code "disconn"} URC. On an id that was used before it may be the late report of the predecessor
     * (FIELD-NOTES §8.3); then the caller confirms with AT+MIPSTATE before anything is closed.
     */
    DisconnectVerdict disconnected(int connectId, int connectState) {
        return state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            if (slot == null || !slot.state.isOpen() && slot.state != ConnectionState.CLOSING) {
                return DisconnectVerdict.IGNORED;
            }
            if (slot.state == ConnectionState.CONNECTING) {
                log.warn("module={} connect_id={} late \"disconn\" of a retired connection ignored", state.id, connectId);
                return DisconnectVerdict.IGNORED;
            }
            if (slot.reused && slot.state == ConnectionState.CONNECTED) {
                log.info("module={} connect_id={} \"disconn\" on a reused id: confirming with AT+MIPSTATE", state.id,
                        connectId);
                return DisconnectVerdict.CONFIRM;
            }
            close(slot, disconnectReason(connectState));
            return DisconnectVerdict.CLOSED;
        });
    }

    /** Applies the module's answer to AT+MIPSTATE=<id> for the connection of {@code generation}. */
    void confirmed(int connectId, long generation, ConnectionState moduleState, String why) {
        state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            if (slot.generation != generation || !slot.state.isOpen()) {
                return;
            }
            if (moduleState.isOpen()) {
                log.warn("module={} connect_id={} late \"disconn\" of a retired connection ignored (module: {})",
                        state.id, connectId, moduleState);
            } else {
                close(slot, why);
            }
        });
    }

    static String disconnectReason(int connectState) {
        return switch (connectState) {
            case 1 -> "peer closed";
            case 2 -> "connection error";
            case 3 -> "PDP deactivated";
            default -> "disconnected (" + connectState + ")";
        };
    }

    private void close(ConnectionSlot slot, String why) {
        slot.awaitingRelease = slot.hostReleases;
        moveTo(slot, ConnectionState.CLOSED, why);
        endBridge(slot);
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
                slot.inputTimeout = WorkerContext.DEFAULT_INPUT_TIMEOUT;
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
            opens.values().forEach(f -> f.completeExceptionally(cause));
            closes.values().forEach(f -> f.completeExceptionally(cause));
            sends.values().forEach(f -> f.completeExceptionally(cause));
            opens.clear();
            closes.clear();
            sends.clear();
            if (connect != null) {
                connect.completeExceptionally(cause);
            }
            connect = null;
            connectFor = null;
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

    private void tellDecoder(ConnectionSlot slot) {
        decoder.connection(slot.connectId, slot.mode, slot.recvFormat);
    }

    // ---- transparent mode ----

    /** Registers the wait for CONNECT of a switch to transparent mode. */
    CompletableFuture<Void> expectConnect(int connectId) {
        return state.locked(() -> {
            connectFor = connectId;
            connect = new CompletableFuture<>();
            return connect;
        });
    }

    void connected() {
        state.locked(() -> {
            if (connectFor == null) {
                log.warn("module={} CONNECT with no transparent switch pending", state.id);
                return;
            }
            ConnectionSlot slot = slots.get(connectFor);
            slot.mode = AccessMode.TRANSPARENT;
            bridged = slot.connectId;
            moveTo(slot, ConnectionState.CONNECTED, "transparent mode");
            var open = opens.remove(slot.connectId);
            if (open != null) {
                open.complete(0);
            }
            if (connect != null) {
                connect.complete(null);
            }
            connect = null;
            connectFor = null;
        });
    }

    /** {@code +++} answered OK: the line is back in command mode. */
    void bridgeEnded(int connectId) {
        state.locked(() -> endBridge(slots.get(connectId)));
    }

    private void endBridge(ConnectionSlot slot) {
        if (Integer.valueOf(slot.connectId).equals(bridged)) {
            bridged = null;
            slot.mode = AccessMode.NORMAL;
            tellDecoder(slot);
        }
    }

    /** The receive buffer of the bridged connection, if any: the read loop waits on it for room. */
    Optional<io.mipgate.module.connection.ReceiveBuffer> bridgedBuffer() {
        return state.locked(() -> Optional.ofNullable(bridged).map(id -> slots.get(id).receiveBuffer));
    }

    // ---- data ----

    /** Bytes for a connection (push URC, AT+MIPRD, transparent stream). What does not fit is counted as dropped. */
    void received(int connectId, Protocol protocol, byte[] data) {
        state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            if (slot == null) {
                return;
            }
            int taken = slot.receiveBuffer.append(data, 0, data.length);
            slot.bytesReceived += data.length;
            state.publish(new ModuleEvent.DataReceived(state.id, state.now(), connectId,
                    protocol == null ? slot.protocol : protocol, data.length));
            if (taken < data.length) {
                dropped(connectId, data.length - taken, DropSource.GATEWAY);
            }
        });
    }

    /** Bytes of the transparent stream go to the bridged connection. */
    void receivedTransparent(byte[] data) {
        state.locked(() -> {
            if (bridged == null) {
                log.warn("module={} {} transparent bytes with no bridged connection", state.id, data.length);
                return;
            }
            received(bridged, null, data);
        });
    }

    void dropped(int connectId, long bytes, DropSource source) {
        state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            if (slot != null) {
                slot.droppedBytes += bytes;
            }
            log.warn("module={} connect_id={} {} bytes dropped ({})", state.id, connectId, bytes, source);
            state.publish(new ModuleEvent.DataDropped(state.id, state.now(), connectId, bytes, source));
        });
    }

    /** Takes up to {@code max} buffered bytes of the connection now on the id; each byte is handed out once. */
    byte[] take(int connectId, int max) {
        requireKnown(connectId);
        return state.locked(() -> slots.get(connectId).receiveBuffer.take(max));
    }

    /** How many bytes the module holds for a buffer-mode connection (notice or AT+MIPRD/AT+MIPRD? answer). */
    void moduleUnread(int connectId, long unread) {
        state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            if (slot != null) {
                slot.moduleUnread = Math.max(0, unread);
            }
        });
    }

    /** Marks a read as queued; false when one is queued already or nothing needs reading. */
    boolean claimRead(int connectId) {
        return state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            if (slot == null || slot.readPending || slot.moduleUnread <= 0 || slot.receiveBuffer.free() == 0
                    || !slot.mode.isBuffered()) {
                return false;
            }
            slot.readPending = true;
            return true;
        });
    }

    void readDone(int connectId) {
        state.locked(() -> slots.get(connectId).readPending = false);
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

    void sent(int connectId, long bytes) {
        state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            slot.bytesSent += bytes;
            state.publish(new ModuleEvent.DataSent(state.id, state.now(), connectId, slot.protocol, (int) bytes));
        });
    }

    void sack(int connectId, SackSample sample) {
        state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            slot.lastSack = sample;
            state.publish(new ModuleEvent.SackSampled(state.id, sample.at(), connectId, slot.protocol, sample.sent(),
                    sample.acked(), sample.nack(), sample.received()));
        });
    }

    void seq(int connectId, int seq, int result) {
        state.locked(() -> {
            ConnectionSlot slot = slots.get(connectId);
            if (slot != null) {
                slot.lastSeq = new SeqOutcome(seq, result, state.now());
                state.publish(new ModuleEvent.SeqReported(state.id, state.now(), connectId, seq, result == 0));
            }
        });
    }

    // ---- transitions ----

    private void moveTo(ConnectionSlot slot, ConnectionState to, String why) {
        ConnectionState from = slot.state;
        slot.transition(to, why, state.now());
        log.info("module={} connect_id={} {} -> {} ({})", state.id, slot.connectId, from, to, why);
        published(slot, from);
    }

    private void published(ConnectionSlot slot, ConnectionState from) {
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
