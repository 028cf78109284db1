package io.mipgate.module;

import io.mipgate.domain.AccessMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life cycle of the connections in the {@link ConnectionTable}: opening, the {@code +MIPOPEN} result, closing,
 * {@code "disconn"} and CONNECT, with the results those URCs complete. Same slots, same module lock: a facet of the
 * table, not a second owner. Late reports of a connection that lived on an id before are told apart here
 * (FIELD-NOTES §8.3).
 */
final class ConnectionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLifecycle.class);

    private final ModuleState state;
    private final ConnectionTable table;
    private final Map<Integer, CompletableFuture<Integer>> opens = new HashMap<>();
    private final Map<Integer, CompletableFuture<OptionalInt>> closes = new HashMap<>();
    /** The id waiting for CONNECT (transparent open or AT+MIPMODE=<id>,1) and who waits for it. */
    private Integer connectFor;
    private CompletableFuture<Void> connect;

    ConnectionLifecycle(ModuleState state, ConnectionTable table) {
        this.state = state;
        this.table = table;
    }

    /** What a "disconn" did: closed the connection, or needs AT+MIPSTATE because it may be a predecessor's. */
    enum DisconnectVerdict { IGNORED, CLOSED, CONFIRM }

    /** A reserved open: the id, the generation it opens and the future the {@code +MIPOPEN} URC completes. */
    record PendingOpen(int connectId, long generation, CompletableFuture<Integer> result) {
    }

    /**
     * Reserves an id for AT+MIPOPEN and starts its new connection in CONNECTING with an empty buffer. Bytes the
     * previous connection on the id left unread are not handed to the new one: they are counted as that
     * connection's loss and reported.
     */
    PendingOpen beginOpen(Integer requested, OpenRequest request) {
        return state.locked(() -> {
            ConnectionSlot slot = requested != null ? table.slotLocked(requested) : pickFree();
            if (!slot.isFree()) {
                throw new ModuleException.StateConflict(state.id, "connect_id " + slot.connectId + " of module "
                        + state.id + " is busy (" + slot.state + (slot.awaitingRelease ? ", awaiting release" : "") + ")");
            }
            table.retireUnread(slot);
            ConnectionState from = slot.state;
            slot.begin(request.protocol(), request.host(), request.port(), request.mode(), ConnectionState.CONNECTING,
                    "open requested", state.now());
            table.tellDecoder(slot);
            CompletableFuture<Integer> result = new CompletableFuture<>();
            opens.put(slot.connectId, result);
            if (request.mode() == AccessMode.TRANSPARENT) {
                connectFor = slot.connectId;
            }
            table.published(slot, from);
            return new PendingOpen(slot.connectId, slot.generation, result);
        });
    }

    /** Ids with nothing unread come first, then the least recently used, so a reuse rarely retires unread data. */
    private ConnectionSlot pickFree() {
        return table.slotsLocked().stream().filter(ConnectionSlot::isFree)
                .min((a, b) -> a.receiveBuffer.size() == 0 && b.receiveBuffer.size() != 0 ? -1
                        : b.receiveBuffer.size() == 0 && a.receiveBuffer.size() != 0 ? 1
                        : Long.compare(a.generation, b.generation))
                .orElseThrow(() -> new ModuleException.StateConflict(state.id, "no free connect_id on module " + state.id));
    }

    /** The open command itself failed or its result never came: the connection of that generation is closed. */
    void openFailed(PendingOpen open, String why) {
        state.locked(() -> {
            opens.remove(open.connectId(), open.result());
            if (Integer.valueOf(open.connectId()).equals(connectFor)) {
                connectFor = null;
            }
            ConnectionSlot slot = table.slotLocked(open.connectId());
            if (slot.generation == open.generation() && slot.state == ConnectionState.CONNECTING) {
                table.moveTo(slot, ConnectionState.CLOSED, why);
            }
        });
    }


    void openResult(int connectId, int result, String failure) {
        state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            var future = opens.remove(connectId);
            if (slot == null) {
                return;
            }
            if (result == 0) {
                table.moveTo(slot, ConnectionState.CONNECTED, "connected");
            } else {
                table.moveTo(slot, ConnectionState.CLOSED, "open failed: " + failure);
            }
            if (future != null) {
                future.complete(result);
            }
        });
    }

    /** Registers the close of an open (or still-held) id and moves it to CLOSING. */
    CompletableFuture<OptionalInt> beginClose(int connectId) {
        return state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            if (slot.state == ConnectionState.INITIAL || (slot.state == ConnectionState.CLOSED && !slot.awaitingRelease)) {
                throw new ModuleException.StateConflict(state.id, "connect_id " + connectId + " of module " + state.id
                        + " is not open (" + slot.state + ")");
            }
            CompletableFuture<OptionalInt> result = new CompletableFuture<>();
            closes.put(connectId, result);
            if (slot.state != ConnectionState.CLOSED) {
                table.moveTo(slot, ConnectionState.CLOSING, "close requested");
            }
            return result;
        });
    }

    /** AT+MIPCLOSE was refused or its URC never came. {@code alreadyClosed}: the module says the id is not open. */
    void closeFailed(int connectId, CompletableFuture<OptionalInt> result, boolean alreadyClosed, String why) {
        state.locked(() -> {
            closes.remove(connectId, result);
            ConnectionSlot slot = table.slotLocked(connectId);
            if (alreadyClosed) {
                slot.awaitingRelease = false;
                if (slot.state != ConnectionState.CLOSED) {
                    table.moveTo(slot, ConnectionState.CLOSED, why);
                }
            } else if (slot.state == ConnectionState.CLOSING) {
                table.moveTo(slot, ConnectionState.CONNECTED, "close failed: " + why);
            }
        });
    }


    void closeResult(int connectId, OptionalInt retCode) {
        state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
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
                table.moveTo(slot, ConnectionState.CLOSED, "closed by host"
                        + (retCode.isPresent() ? " (" + closeOutcome(retCode.getAsInt()) + ")" : ""));
            }
            table.endBridge(slot);
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
            ConnectionSlot slot = table.slotLocked(connectId);
            if (slot == null || !slot.state.isOpen() && slot.state != ConnectionState.CLOSING) {
                return DisconnectVerdict.IGNORED;
            }
            if (slot.state == ConnectionState.CONNECTING) {
                log.warn("module={} connect_id={} late \"disconn\" of a retired connection ignored", state.id, connectId);
                return DisconnectVerdict.IGNORED;
            }
            if (slot.reused() && slot.state == ConnectionState.CONNECTED) {
                log.info("module={} connect_id={} \"disconn\" on a reused id: confirming with AT+MIPSTATE", state.id,
                        connectId);
                return DisconnectVerdict.CONFIRM;
            }
            closed(slot, disconnectReason(connectState));
            return DisconnectVerdict.CLOSED;
        });
    }

    /** Applies the module's answer to AT+MIPSTATE=<id> for the connection of {@code generation}. */
    void confirmed(int connectId, long generation, ConnectionState moduleState, String why) {
        state.locked(() -> {
            ConnectionSlot slot = table.slotLocked(connectId);
            if (slot.generation != generation || !slot.state.isOpen()) {
                return;
            }
            if (moduleState.isOpen()) {
                log.warn("module={} connect_id={} late \"disconn\" of a retired connection ignored (module: {})",
                        state.id, connectId, moduleState);
            } else {
                closed(slot, why);
            }
        });
    }


    /** {@code <ret_code>} of {@code +MIPCLOSE:} (AT-REFERENCE 2.4.2). */
    static String closeOutcome(int retCode) {
        return switch (retCode) {
            case 0 -> "closed normally";
            case 1 -> "the server did not respond, closed on timeout";
            case 2 -> "closed for another reason (reset or transmission error)";
            default -> "ret_code " + retCode;
        };
    }

    static String disconnectReason(int connectState) {
        return switch (connectState) {
            case 1 -> "peer closed";
            case 2 -> "connection error";
            case 3 -> "PDP deactivated";
            default -> "disconnected (" + connectState + ")";
        };
    }


    private void closed(ConnectionSlot slot, String why) {
        slot.awaitingRelease = slot.hostReleases;
        table.moveTo(slot, ConnectionState.CLOSED, why);
        table.endBridge(slot);
    }

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
            ConnectionSlot slot = table.slotLocked(connectFor);
            table.bridge(slot);
            table.moveTo(slot, ConnectionState.CONNECTED, "transparent mode");
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

    /** Fails every result a URC would have completed (link lost, module reset, shutdown). */
    void failPending(RuntimeException cause) {
        state.locked(() -> {
            // copies first: failing a future runs its dependants here, and they remove themselves from the maps
            List<CompletableFuture<?>> waiting = new ArrayList<>(opens.values());
            waiting.addAll(closes.values());
            opens.clear();
            closes.clear();
            waiting.forEach(f -> f.completeExceptionally(cause));
            if (connect != null) {
                connect.completeExceptionally(cause);
            }
            connect = null;
            connectFor = null;
        });
    }
}
