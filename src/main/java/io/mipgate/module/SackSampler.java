package io.mipgate.module;

import io.mipgate.at.command.MipSack;
import io.mipgate.at.decode.Information;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * AT+MIPSACK: one sample on request, every open TCP connection periodically, and ACK watches that wait for the peer
 * to acknowledge a send. A watch is a series of short control jobs on a timer, never one job that holds the line
 * while it waits, so other connections keep working.
 */
final class SackSampler {

    static final Duration WATCH_PERIOD = Duration.ofMillis(100);

    private final WorkerContext context;

    SackSampler(WorkerContext context) {
        this.context = context;
    }

    /** One AT+MIPSACK, recorded on the connection; runs on the worker thread. */
    SackSample sample(int connectId) {
        var line = context.exec(new MipSack(connectId)).orThrow(context.id, "AT+MIPSACK")
                .lines(Information.MipSackLine.class).stream().findFirst()
                .orElseThrow(() -> new ModuleException.ModuleTimeout(context.id, "+MIPSACK line"));
        SackSample sample = new SackSample(context.state.now(), line.sent(), line.acked(), line.nack(), line.received());
        context.table.traffic.sack(connectId, sample);
        return sample;
    }

    /** Samples every open TCP connection outside transparent mode; runs on the worker thread. */
    void sampleAll() {
        for (int connectId : context.table.idsWhere(s -> s.state == ConnectionState.CONNECTED
                && s.protocol == Protocol.TCP && s.mode != AccessMode.TRANSPARENT)) {
            sample(connectId);
        }
    }

    /**
     * Completes when the peer has acknowledged {@code accepted} more bytes than {@code before} shows, or with the last
     * sample and {@code acked=false} at the deadline.
     */
    CompletableFuture<SendResult> awaitAck(int connectId, SackSample before, long accepted, int chunks,
                                           Duration timeout) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        check(connectId, before, accepted, chunks, context.state.now().plus(timeout), result);
        return result;
    }

    private void check(int connectId, SackSample before, long accepted, int chunks, Instant deadline,
                       CompletableFuture<SendResult> result) {
        context.control("AT+MIPSACK", () -> sample(connectId)).whenComplete((last, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else if (last.acked() - before.acked() >= accepted) {
                result.complete(new SendResult(accepted, chunks, true, last));
            } else if (!context.state.now().plus(WATCH_PERIOD).isBefore(deadline)) {
                result.complete(new SendResult(accepted, chunks, false, last));
            } else {
                Deadlines.after(WATCH_PERIOD, () -> check(connectId, before, accepted, chunks, deadline, result));
            }
        });
    }
}
