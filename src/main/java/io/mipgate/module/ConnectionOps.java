package io.mipgate.module;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.CloseMode;
import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import io.mipgate.at.command.Escape;
import io.mipgate.at.command.MipCfg;
import io.mipgate.at.command.MipClose;
import io.mipgate.at.command.MipMode;
import io.mipgate.at.command.MipOpen;
import io.mipgate.at.command.MipSend;
import io.mipgate.at.decode.Information;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.module.connection.ConnectionSlot;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.job.JobPriority;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Open, send, read, switch mode and close: the connection life cycle on one module. */
final class ConnectionOps {

    private static final Duration MIPSEND_LATE_LINE = Duration.ofSeconds(2);
    private static final int TRANSPARENT_WRITE_CHUNK = 1024;

    private final ModuleWorker worker;
    private final ModuleState state;

    ConnectionOps(ModuleWorker worker) {
        this.worker = worker;
        this.state = worker.state;
    }

    ConnectionSlot slot(int connectId) {
        ConnectionSlot slot = state.locked(() -> state.slot(connectId));
        if (slot == null) {
            var ids = state.profile().connectIds();
            throw new InvalidParameterException("connectId", connectId, ids.min() + ".." + ids.max(), state.profile().name());
        }
        return slot;
    }

    void requireOpen(int connectId, String operation) {
        ConnectionSlot slot = slot(connectId);
        if (slot.state() != ConnectionState.CONNECTED) {
            throw new ModuleException.StateConflict(worker.id(), operation + ": connect_id " + connectId + " of module "
                    + worker.id() + " is " + slot.state() + " (" + slot.reason() + ")");
        }
    }

    void requireNotBridged(String operation) {
        Integer bridged = state.bridgedConnectId();
        if (bridged != null) {
            throw new ModuleException.StateConflict(worker.id(), operation + ": module " + worker.id()
                    + " is in transparent mode on connect_id " + bridged + "; switch it back to normal first");
        }
    }

    CompletableFuture<ConnectionSnapshot> open(OpenRequest request) {
        ModelProfile profile = state.profile();
        AccessMode mode = request.mode();
        if (request.connectId() != null) {
            slot(request.connectId());
        }
        return worker.submit("AT+MIPOPEN", JobPriority.USER, () -> {
            requireNotBridged("AT+MIPOPEN");
            int connectId = request.connectId() != null ? request.connectId() : pickFreeId();
            MipOpen command = new MipOpen(connectId, request.protocol(), request.host(), request.port(),
                    request.timeoutSeconds(), mode, request.localPort());
            command.encode(profile);
            ConnectionSlot slot = slot(connectId);
            if (!slot.isFree()) {
                throw new ModuleException.StateConflict(worker.id(), "connect_id " + connectId + " of module "
                        + worker.id() + " is busy (" + slot.state() + (slot.awaitingRelease() ? ", awaiting release" : "")
                        + ")");
            }
            SendFormat sendFormat = SendFormat.ASCII;
            worker.exec(new MipCfg.Encoding(connectId, sendFormat, RecvFormat.ASCII)).orThrow(worker.id(), "AT+MIPCFG");
            CompletableFuture<Integer> result = new CompletableFuture<>();
            state.locked(() -> {
                slot.formats(sendFormat, RecvFormat.ASCII);
                slot.opening(request.protocol(), request.host(), request.port(), mode, state.now());
                worker.session().decoder().connection(connectId, mode, RecvFormat.ASCII);
                worker.pending.opens.put(connectId, result);
                if (mode == AccessMode.TRANSPARENT) {
                    worker.pending.connectFor = connectId;
                }
                worker.router().published(slot, ConnectionState.INITIAL);
            });
            try {
                worker.exec(command).orThrow(worker.id(), command.describe());
            } catch (RuntimeException e) {
                state.locked(() -> {
                    worker.pending.opens.remove(connectId);
                    worker.pending.connectFor = null;
                    worker.router().moveTo(slot, ConnectionState.CLOSED, "open refused: " + e.getMessage());
                });
                throw e;
            }
            Duration deadline = command.asyncResult(profile).orElseThrow().deadline();
            return Deadlines.within(result, deadline, worker.id(), "+MIPOPEN for connect_id " + connectId)
                    .thenApply(code -> {
                        if (code != 0) {
                            throw new ModuleException.ModuleRefused(worker.id(), "AT+MIPOPEN",
                                    profile.open().failureAsErrorCode() ? code : null,
                                    profile.open().failureAsErrorCode() ? ModuleErrorCode.nameOf(code) : "OPEN_FAILED",
                                    "connection failed (result " + code + ")");
                        }
                        return state.locked(slot::snapshot);
                    }).whenComplete((snapshot, failure) -> {
                        if (failure != null) {
                            state.locked(() -> {
                                worker.pending.opens.remove(connectId);
                                if (slot.state() == ConnectionState.CONNECTING) {
                                    worker.router().moveTo(slot, ConnectionState.CLOSED, "open timed out");
                                }
                            });
                        }
                    });
        }).thenCompose(f -> f);
    }

    private int pickFreeId() {
        return state.locked(() -> state.slots().stream().filter(ConnectionSlot::isFree)
                .min((a, b) -> Long.compare(a.generation(), b.generation()))
                .map(ConnectionSlot::connectId)
                .orElseThrow(() -> new ModuleException.StateConflict(worker.id(),
                        "no free connect_id on module " + worker.id())));
    }

    CompletableFuture<SendResult> send(int connectId, byte[] data, SendOptions options) {
        ConnectionSlot slot = slot(connectId);
        requireOpen(connectId, "send");
        boolean inlineOnly = options.rai() != null || options.seq() != null;
        if (inlineOnly && slot.protocol() != Protocol.UDP) {
            throw new InvalidParameterException("rai/seq", "given", "UDP connections only", null);
        }
        if (options.waitForAck() && slot.protocol() != Protocol.TCP) {
            throw new InvalidParameterException("waitForAck", true, "TCP connections only", null);
        }
        return worker.submit("AT+MIPSEND", JobPriority.USER, () -> {
            if (Integer.valueOf(connectId).equals(state.bridgedConnectId())) {
                return sendTransparent(slot, data);
            }
            requireNotBridged("send");
            requireOpen(connectId, "send");
            SackSample before = options.waitForAck() && state.profile().sack()
                    ? worker.initializer().sample(connectId) : null;
            List<SendStrategy.Chunk> plan = SendStrategy.plan(state.profile(), slot.protocol(), data, inlineOnly,
                    worker.settings.promptChunkBytes(), worker.settings.inlineHexChunkBytes());
            long accepted = 0;
            for (SendStrategy.Chunk chunk : plan) {
                accepted += sendChunk(slot, chunk, options);
            }
            long total = accepted;
            state.locked(() -> slot.countSent((int) total));
            state.publish(new ModuleEvent.DataSent(state.id, state.now(), connectId, slot.protocol(), (int) total));
            if (before == null) {
                return new SendResult(accepted, plan.size(), null, null);
            }
            return awaitAck(connectId, before, accepted, plan.size(), options.ackTimeout());
        });
    }

    private long sendChunk(ConnectionSlot slot, SendStrategy.Chunk chunk, SendOptions options) {
        int connectId = slot.connectId();
        CompletableFuture<Integer> accepted = new CompletableFuture<>();
        state.locked(() -> worker.pending.sends.put(connectId, accepted));
        ExchangeResult result;
        switch (chunk.path()) {
            case PROMPT -> result = worker.exec(new MipSend.Prompt(connectId, chunk.data().length), chunk.data());
            case EMPTY_DATAGRAM -> result = worker.exec(new MipSend.EmptyDatagram(connectId));
            default -> {
                if (slot.sendFormat() != chunk.inlineFormat()) {
                    worker.exec(new MipCfg.Encoding(connectId, chunk.inlineFormat(), slot.recvFormat()), null,
                            () -> slot.formats(chunk.inlineFormat(), slot.recvFormat()))
                            .orThrow(worker.id(), "AT+MIPCFG=\"encoding\"");
                }
                result = worker.exec(new MipSend.Inline(connectId, chunk.data(), chunk.inlineFormat(), true,
                        options.rai(), options.seq()));
            }
        }
        Integer refusal = result.errorCode();
        if (refusal != null && (refusal == ModuleErrorCode.TCPIP_UNKNOWN_ERROR.code()
                || refusal == ModuleErrorCode.TCPIP_NOT_CONNECTED.code())) {
            // release firmware answers 550 (the manual 553) when the peer already closed (FIELD-NOTES §7.3)
            state.locked(() -> worker.router().moveTo(slot, ConnectionState.CLOSED,
                    "gone: send refused with " + refusal + " " + ModuleErrorCode.nameOf(refusal)));
        }
        result.orThrow(worker.id(), "AT+MIPSEND");
        try {
            return accepted.get(MIPSEND_LATE_LINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // OK without a +MIPSEND line: the module took the chunk; count what we sent.
            return chunk.data().length;
        } catch (InterruptedException | ExecutionException e) {
            return chunk.data().length;
        } finally {
            state.locked(() -> worker.pending.sends.remove(connectId, accepted));
        }
    }

    private SendResult sendTransparent(ConnectionSlot slot, byte[] data) throws IOException {
        for (int offset = 0; offset < data.length; offset += TRANSPARENT_WRITE_CHUNK) {
            int n = Math.min(TRANSPARENT_WRITE_CHUNK, data.length - offset);
            byte[] part = java.util.Arrays.copyOfRange(data, offset, offset + n);
            worker.session().write(part);
        }
        state.locked(() -> slot.countSent(data.length));
        state.publish(new ModuleEvent.DataSent(state.id, state.now(), slot.connectId(), slot.protocol(), data.length));
        return new SendResult(data.length, 0, null, null);
    }

    private SendResult awaitAck(int connectId, SackSample before, long accepted, int chunks, Duration timeout) {
        Instant deadline = state.now().plus(timeout);
        SackSample last = before;
        while (state.now().isBefore(deadline)) {
            last = worker.initializer().sample(connectId);
            if (last.acked() - before.acked() >= accepted) {
                return new SendResult(accepted, chunks, true, last);
            }
            LineSession.sleep(Duration.ofMillis(100));
        }
        return new SendResult(accepted, chunks, false, last);
    }

    byte[] read(int connectId, int max) {
        ConnectionSlot slot = slot(connectId);
        if (max < 1) {
            throw new InvalidParameterException("max", max, "1 or more", null);
        }
        return state.locked(() -> {
            byte[] data = slot.receiveBuffer().take(max);
            worker.flow().scheduleRead(connectId);
            return data;
        });
    }

    CompletableFuture<CloseOutcome> close(int connectId, CloseMode mode) {
        ConnectionSlot slot = slot(connectId);
        MipClose command = new MipClose(connectId, mode);
        command.encode(state.profile());
        return worker.submit("AT+MIPCLOSE", JobPriority.USER, () -> {
            if (Integer.valueOf(connectId).equals(state.bridgedConnectId())) {
                escape(connectId);
            }
            requireNotBridged("AT+MIPCLOSE");
            if (slot.state() == ConnectionState.INITIAL || (slot.state() == ConnectionState.CLOSED && !slot.awaitingRelease())) {
                throw new ModuleException.StateConflict(worker.id(), "connect_id " + connectId + " of module "
                        + worker.id() + " is not open (" + slot.state() + ")");
            }
            CompletableFuture<OptionalInt> result = new CompletableFuture<>();
            state.locked(() -> {
                worker.pending.closes.put(connectId, result);
                if (slot.state() != ConnectionState.CLOSED) {
                    worker.router().moveTo(slot, ConnectionState.CLOSING, "close requested");
                }
            });
            ExchangeResult answer = worker.exec(command);
            if (!answer.ok()) {
                state.locked(() -> worker.pending.closes.remove(connectId));
                if (Integer.valueOf(ModuleErrorCode.TCPIP_NOT_IN_USE.code()).equals(answer.errorCode())) {
                    // 551: the module had already released it (autofree after a drop): it is closed.
                    state.locked(() -> {
                        slot.awaitingRelease(false);
                        worker.router().moveTo(slot, ConnectionState.CLOSED, "already released by the module");
                    });
                    return CompletableFuture.completedFuture(new CloseOutcome(null, state.locked(slot::snapshot)));
                }
                answer.orThrow(worker.id(), command.describe());
            }
            Duration deadline = command.asyncResult(state.profile()).orElseThrow().deadline();
            return Deadlines.within(result, deadline, worker.id(), "+MIPCLOSE for connect_id " + connectId)
                    .thenApply(ret -> new CloseOutcome(ret.isPresent() ? ret.getAsInt() : null,
                            state.locked(slot::snapshot)));
        }).thenCompose(f -> f);
    }

    CompletableFuture<ConnectionSnapshot> setMode(int connectId, AccessMode mode) {
        ConnectionSlot slot = slot(connectId);
        requireOpen(connectId, "AT+MIPMODE");
        if (!mode.allows(slot.protocol())) {
            throw new InvalidParameterException("accessMode", mode, slot.protocol() == Protocol.TCP
                    ? "normal, transparent or streamBuffer for TCP" : "normal, transparent or packetBuffer for UDP", null);
        }
        return worker.submit("AT+MIPMODE", JobPriority.USER, () -> {
            if (Integer.valueOf(connectId).equals(state.bridgedConnectId())) {
                escape(connectId);
                if (mode == AccessMode.NORMAL) {
                    return state.locked(slot::snapshot);
                }
            }
            requireNotBridged("AT+MIPMODE");
            MipMode.Set command = MipMode.Set.to(connectId, mode);
            CompletableFuture<Void> connected = new CompletableFuture<>();
            state.locked(() -> {
                if (mode == AccessMode.TRANSPARENT) {
                    worker.pending.connectFor = connectId;
                    worker.pending.connect = connected;
                }
            });
            AccessMode before = slot.mode();
            Runnable switchDecoder = mode == AccessMode.TRANSPARENT ? null : () -> {
                slot.mode(mode);
                worker.session().decoder().connection(connectId, mode, slot.recvFormat());
            };
            worker.exec(command, null, switchDecoder).orThrow(worker.id(), command.describe());
            state.locked(() -> {
                if (mode != AccessMode.TRANSPARENT) {
                    slot.moduleUnread(mode.isBuffered() ? slot.moduleUnread() : 0);
                    worker.router().published(slot, slot.state());
                    if (before != mode && mode.isBuffered()) {
                        worker.flow().scheduleRead(connectId);
                    }
                }
            });
            if (mode == AccessMode.TRANSPARENT) {
                Deadlines.within(connected, command.asyncResult(state.profile()).orElseThrow().deadline(), worker.id(),
                        "CONNECT").get();
            }
            return state.locked(slot::snapshot);
        });
    }

    /** Leaves transparent mode: guard time, {@code +++}, guard time, {@code OK}. */
    private void escape(int connectId) {
        Duration guard = worker.settings.escapeGuard();
        worker.flow().escaping(true);
        try {
            LineSession.sleep(guard);
            state.locked(() -> worker.session().decoder().escapeSent());
            worker.exec(new Escape(guard)).orThrow(worker.id(), "+++");
        } finally {
            worker.flow().escaping(false);
        }
        state.locked(() -> {
            state.bridgedConnectId(null);
            ConnectionSlot slot = state.slot(connectId);
            slot.mode(AccessMode.NORMAL);
            worker.session().decoder().connection(connectId, AccessMode.NORMAL, slot.recvFormat());
        });
    }

    /** Keeps settings the worker must know to read a connection correctly. */
    void remember(MipCfg.Setting setting) {
        ConnectionSlot slot = state.slot(setting.connectId());
        switch (setting) {
            case MipCfg.Encoding encoding -> {
                slot.formats(encoding.sendFormat(), encoding.recvFormat());
                worker.session().decoder().connection(slot.connectId(), slot.mode(), encoding.recvFormat());
            }
            case MipCfg.AutoFree autoFree -> slot.hostReleases(autoFree.hostReleases());
            default -> {
            }
        }
    }

}
