package io.mipgate.module;

import io.mipgate.at.command.MipCfg;
import io.mipgate.at.command.MipClose;
import io.mipgate.at.command.MipMode;
import io.mipgate.at.command.MipOpen;
import io.mipgate.at.command.MipSend;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.CloseMode;
import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.SendFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Open, send, read, switch mode and close: the connection life cycle on one module, as jobs on its worker. Every
 * state change goes through the {@link ConnectionTable}; what the operations read of a connection they read from it
 * under its lock.
 */
final class ConnectionOps {

    private static final Duration MIPSEND_LATE_LINE = Duration.ofSeconds(2);
    private static final int TRANSPARENT_WRITE_CHUNK = 1024;

    /** What a send needs to know of its connection, read once under the lock. */
    private record SendTarget(long generation, SendFormat sendFormat, io.mipgate.domain.RecvFormat recvFormat,
                              Duration inputTimeout) {
    }

    private final WorkerContext context;
    private final ConnectionTable table;
    private final SackSampler sampler;
    private final FlowControl flow;
    private final java.util.function.Supplier<LineSession> line;
    private final TransparentSwitch transparent;

    ConnectionOps(WorkerContext context, SackSampler sampler, FlowControl flow,
                  java.util.function.Supplier<LineSession> line) {
        this.context = context;
        this.table = context.table;
        this.sampler = sampler;
        this.flow = flow;
        this.line = line;
        this.transparent = new TransparentSwitch(context, flow, line);
    }

    private String id() {
        return context.id;
    }

    void requireOpen(int connectId, String operation) {
        ConnectionSnapshot connection = table.snapshot(connectId);
        if (connection.state() != ConnectionState.CONNECTED) {
            throw new ModuleException.StateConflict(id(), operation + ": connect_id " + connectId + " of module "
                    + id() + " is " + connection.state() + " (" + connection.reason() + ")");
        }
    }

    void requireNotBridged(String operation) {
        Integer bridged = table.bridged();
        if (bridged != null) {
            throw new ModuleException.StateConflict(id(), operation + ": module " + id()
                    + " is in transparent mode on connect_id " + bridged + "; switch it back to normal first");
        }
    }

    // ---- open ----

    CompletableFuture<ConnectionSnapshot> open(OpenRequest request) {
        ModelProfile profile = context.state.profile();
        if (request.connectId() != null) {
            table.requireKnown(request.connectId());
        }
        int probeId = request.connectId() != null ? request.connectId() : table.ids().min();
        new MipOpen(probeId, request.protocol(), request.host(), request.port(), request.timeoutSeconds(),
                request.mode(), request.localPort()).encode(profile);
        return context.user("AT+MIPOPEN", () -> {
            requireNotBridged("AT+MIPOPEN");
            ConnectionLifecycle.PendingOpen open = table.lifecycle.beginOpen(request.connectId(), request);
            MipOpen command = new MipOpen(open.connectId(), request.protocol(), request.host(), request.port(),
                    request.timeoutSeconds(), request.mode(), request.localPort());
            try {
                ExchangeResult answer = context.exec(command);
                if (Integer.valueOf(ModuleErrorCode.PDP_NOT_ACTIVATED.code()).equals(answer.errorCode())
                        && dataCallRestored()) {
                    answer = context.exec(command);
                }
                answer.orThrow(id(), command.describe());
            } catch (RuntimeException e) {
                table.lifecycle.openFailed(open, "open refused: " + e.getMessage());
                throw e;
            }
            Duration deadline = command.asyncResult(profile).orElseThrow().deadline();
            return Deadlines.within(open.result(), deadline, id(), "+MIPOPEN for connect_id " + open.connectId())
                    .thenApply(code -> {
                        if (code != 0) {
                            boolean coded = profile.open().failureAsErrorCode();
                            throw new ModuleException.ModuleRefused(id(), "AT+MIPOPEN", coded ? code : null,
                                    coded ? ModuleErrorCode.nameOf(code) : ModuleException.ModuleRefused.OPEN_FAILED,
                                    "connection failed (result " + code + ")");
                        }
                        return table.snapshot(open.connectId());
                    }).whenComplete((snapshot, failure) -> {
                        if (failure != null) {
                            table.lifecycle.openFailed(open, "open timed out");
                        }
                    });
        }).thenCompose(f -> f);
    }

    /**
     * An open met a data call that is down (570): unless an operator took it down, bring it up again (FIELD-NOTES §5)
     * so the open can be retried once.
     */
    private boolean dataCallRestored() {
        if (context.state.dataCallHeldDown()) {
            return false;
        }
        try {
            return new DataCallOps(context).activate().active();
        } catch (ModuleException e) {
            return false;
        }
    }

    // ---- send ----

    CompletableFuture<SendResult> send(int connectId, byte[] data, SendOptions options) {
        requireOpen(connectId, "send");
        Protocol protocol = table.inspect(connectId, slot -> slot.protocol);
        boolean inlineOnly = options.rai() != null || options.seq() != null;
        if (inlineOnly && protocol != Protocol.UDP) {
            throw new InvalidParameterException("rai/seq", "given", "UDP connections only", null);
        }
        if (options.waitForAck() && protocol != Protocol.TCP) {
            throw new InvalidParameterException("waitForAck", true, "TCP connections only", null);
        }
        List<SendStrategy.Chunk> plan = SendStrategy.plan(context.state.profile(), protocol, data, inlineOnly,
                context.settings.promptChunkBytes(), context.settings.inlineHexChunkBytes());
        ConnectionTraffic.SendTicket ticket = table.traffic.sendTicket(connectId);
        CompletableFuture<SendResult> sent = context.user("AT+MIPSEND", () -> {
            String outOfOrder = table.traffic.outOfOrder(connectId, ticket);
            if (outOfOrder != null) {
                throw new ModuleException.StateConflict(id(), outOfOrder);
            }
            if (Integer.valueOf(connectId).equals(table.bridged())) {
                return sendTransparent(connectId, data);
            }
            requireNotBridged("send");
            requireOpen(connectId, "send");
            boolean sampleAck = options.waitForAck() && context.state.profile().sack();
            SackSample before = sampleAck ? sampler.sample(connectId) : null;
            SendFormat switchedTo = null;
            long accepted = 0;
            try {
                for (SendStrategy.Chunk chunk : plan) {
                    SendTarget target = target(connectId);
                    if (chunk.path() != SendStrategy.Path.PROMPT && chunk.path() != SendStrategy.Path.EMPTY_DATAGRAM
                            && target.sendFormat() != chunk.inlineFormat()) {
                        switchFormat(connectId, chunk.inlineFormat(), target);
                        switchedTo = chunk.inlineFormat();
                    }
                    accepted += sendChunk(connectId, target, chunk, options, accepted);
                }
            } catch (RuntimeException failed) {
                table.traffic.sendFailed(connectId, ticket.generation());
                throw failed;
            }
            table.traffic.sent(connectId, accepted);
            return new SendResult(accepted, plan.size(), before == null ? null : false, before, switchedTo);
        });
        if (!(options.waitForAck() && context.state.profile().sack())) {
            return sent;
        }
        return sent.thenCompose(result -> sampler.awaitAck(connectId, result.lastSack(), result.accepted(),
                result.chunks(), options.ackTimeout()).thenApply(acked -> new SendResult(acked.accepted(),
                acked.chunks(), acked.acked(), acked.lastSack(), result.encodingSwitchedTo())));
    }

    private SendTarget target(int connectId) {
        return table.inspect(connectId, slot -> new SendTarget(slot.generation, slot.sendFormat,
                slot.recvFormat, slot.inputTimeout != null ? slot.inputTimeout
                        : context.state.profile().quirks().promptWait()));
    }

    /**
     * An inline chunk the id's send format cannot carry: switch only the send format, keep the receive format, and
     * tell the caller (the new format is visible on the connection).
     */
    private void switchFormat(int connectId, SendFormat format, SendTarget target) {
        MipCfg.Encoding encoding = new MipCfg.Encoding(connectId, format, target.recvFormat());
        context.exec(encoding, null, () -> SettingEffects.applied(table, encoding))
                .orThrow(id(), "AT+MIPCFG=\"encoding\"");
    }

    private long sendChunk(int connectId, SendTarget target, SendStrategy.Chunk chunk, SendOptions options,
                           long acceptedBefore) {
        CompletableFuture<Integer> accepted = table.traffic.expectSendReport(connectId);
        try {
            ExchangeResult result = switch (chunk.path()) {
                case PROMPT -> prompted(connectId, target, chunk, acceptedBefore);
                case EMPTY_DATAGRAM -> context.exec(new MipSend.EmptyDatagram(connectId));
                default -> context.exec(new MipSend.Inline(connectId, chunk.data(), chunk.inlineFormat(), true,
                        options.rai(), options.seq()));
            };
            Integer refusal = result.errorCode();
            if (refusal != null && context.state.profile().quirks().sendRefusedMeansGone().contains(refusal)) {
                // release firmware answers 550 (the manual 553) when the peer already closed (FIELD-NOTES §7.3)
                table.gone(connectId, target.generation(),
                        "gone: send refused with " + refusal + " " + ModuleErrorCode.nameOf(refusal));
            }
            result.orThrow(id(), "AT+MIPSEND");
            return accepted.get(MIPSEND_LATE_LINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // OK without a +MIPSEND line: the module took the chunk; count what we sent.
            return chunk.data().length;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return chunk.data().length;
        } catch (ExecutionException e) {
            return chunk.data().length;
        } finally {
            table.traffic.forgetSendReport(connectId, accepted);
        }
    }

    private ExchangeResult prompted(int connectId, SendTarget target, SendStrategy.Chunk chunk, long acceptedBefore) {
        try {
            return context.send(new MipSend.Prompt(connectId, chunk.data().length), chunk.data(), target.inputTimeout());
        } catch (ModuleException.ModuleTimeout lost) {
            throw new ModuleException.SendOutcomeUnknown(id(), connectId, acceptedBefore, lost.getMessage());
        }
    }

    private SendResult sendTransparent(int connectId, byte[] data) throws IOException {
        for (int offset = 0; offset < data.length; offset += TRANSPARENT_WRITE_CHUNK) {
            int n = Math.min(TRANSPARENT_WRITE_CHUNK, data.length - offset);
            line.get().write(Arrays.copyOfRange(data, offset, offset + n));
        }
        table.traffic.sent(connectId, data.length);
        return new SendResult(data.length, 0, null, null, null);
    }

    // ---- read ----

    ReceivedWindow read(int connectId, int max) {
        requirePositive(max);
        ReceivedWindow taken = table.traffic.take(connectId, max);
        flow.scheduleRead(connectId);
        return taken;
    }

    ReceivedWindow confirmedRead(int connectId, long offset, int max, Long generation) {
        requirePositive(max);
        ReceivedWindow window = table.traffic.confirmedRead(connectId, offset, max, generation);
        flow.scheduleRead(connectId);
        return window;
    }

    private static void requirePositive(int max) {
        if (max < 1) {
            throw new InvalidParameterException("max", max, "1 or more", null);
        }
    }

    // ---- close ----

    CompletableFuture<CloseOutcome> close(int connectId, CloseMode mode) {
        table.requireKnown(connectId);
        MipClose command = new MipClose(connectId, mode);
        command.encode(context.state.profile());
        return context.user("AT+MIPCLOSE", () -> {
            if (Integer.valueOf(connectId).equals(table.bridged())) {
                escape(connectId);
            }
            requireNotBridged("AT+MIPCLOSE");
            CompletableFuture<OptionalInt> result = table.lifecycle.beginClose(connectId);
            ExchangeResult answer;
            try {
                answer = context.exec(command);
            } catch (RuntimeException e) {
                table.lifecycle.closeFailed(connectId, result, false, e.getMessage());
                throw e;
            }
            if (!answer.ok()) {
                boolean released = answer.errorCode() != null
                        && context.state.profile().quirks().closeMeansAlreadyClosed().contains(answer.errorCode());
                // 551: the module had already released it (autofree after a drop): it is closed (FIELD-NOTES §8.4)
                table.lifecycle.closeFailed(connectId, result, released, released ? "already released by the module" : "refused");
                if (released) {
                    return CompletableFuture.completedFuture(new CloseOutcome(null, table.snapshot(connectId)));
                }
                answer.orThrow(id(), command.describe());
            }
            Duration deadline = command.asyncResult(context.state.profile()).orElseThrow().deadline();
            return Deadlines.within(result, deadline, id(), "+MIPCLOSE for connect_id " + connectId)
                    .thenApply(ret -> new CloseOutcome(ret.isPresent() ? ret.getAsInt() : null,
                            table.snapshot(connectId)));
        }).thenCompose(f -> f);
    }

    // ---- access mode ----

    CompletableFuture<ConnectionSnapshot> setMode(int connectId, AccessMode mode) {
        requireOpen(connectId, "AT+MIPMODE");
        Protocol protocol = table.inspect(connectId, slot -> slot.protocol);
        if (!mode.allows(protocol)) {
            throw new InvalidParameterException("accessMode", mode, protocol == Protocol.TCP
                    ? "normal, transparent or streamBuffer for TCP" : "normal, transparent or packetBuffer for UDP", null);
        }
        return context.user("AT+MIPMODE", () -> {
            if (Integer.valueOf(connectId).equals(table.bridged())) {
                escape(connectId);
                if (mode == AccessMode.NORMAL) {
                    return table.snapshot(connectId);
                }
            }
            requireNotBridged("AT+MIPMODE");
            if (mode == AccessMode.TRANSPARENT) {
                transparent.enter(connectId);
                return table.snapshot(connectId);
            }
            MipMode.Set command = MipMode.Set.to(connectId, mode);
            // the new mode takes effect with the OK: what the module prints after it is already in the new form
            context.exec(command, null, () -> table.mode(connectId, mode)).orThrow(id(), command.describe());
            if (mode.isBuffered()) {
                flow.scheduleRead(connectId);
            }
            return table.snapshot(connectId);
        });
    }

    private void escape(int connectId) {
        transparent.escape(connectId, null);
    }
}
