package io.mipgate.module;

import io.mipgate.domain.Printable;
import io.mipgate.at.command.AtCommand;
import io.mipgate.at.command.ResponseShape;
import io.mipgate.at.decode.AtDecoder;
import io.mipgate.at.decode.AtEvent;
import io.mipgate.at.decode.FinalResult;
import io.mipgate.at.decode.Information;
import io.mipgate.at.decode.ResponseExpectation;
import io.mipgate.transport.Link;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One opened link: the reader thread that feeds the decoder, and the one command exchange that may be in flight.
 * Events that are not part of the exchange go to the router. A session ends when the link does; the worker opens a
 * new one to recover.
 */
final class LineSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LineSession.class);
    /** Margin on top of the module's own input timeout before the line is taken to be out of data input. */
    private static final Duration INPUT_MARGIN = Duration.ofSeconds(2);

    private final ModuleState state;
    private final Link link;
    private final AtDecoder decoder;
    private final Consumer<AtEvent> router;
    private final ReadGate gate;
    private final CompletableFuture<String> lost = new CompletableFuture<>();
    private final Object writeLock = new Object();
    private Thread reader;
    private Exchange current;
    /** The exchange whose payload the reader writes as soon as its {@code >} is decoded; reader thread only. */
    private Exchange payloadDue;
    private long staleFinalResults;
    /** Set when a prompted send was given up: the silence the line needs before the next command text. */
    private volatile Duration quietNeeded = Duration.ZERO;

    /** Holds the reader back before its next read; see {@link FlowControl#awaitTransparentRoom}. */
    @FunctionalInterface
    interface ReadGate {
        void awaitRoom(int bytes) throws InterruptedException;
    }

    LineSession(ModuleState state, Link link, Consumer<AtEvent> router, ReadGate gate) {
        this.state = state;
        this.link = link;
        this.router = router;
        this.gate = gate;
        this.decoder = new AtDecoder(this::onEvent);
    }

    void start() throws IOException {
        link.open();
        reader = Thread.ofPlatform().daemon().name("mipgate-rx-" + state.id).start(this::readLoop);
    }

    AtDecoder decoder() {
        return decoder;
    }

    /** Completes with the reason when the link is gone. */
    CompletableFuture<String> lost() {
        return lost;
    }

    boolean isLost() {
        return lost.isDone();
    }

    long staleFinalResults() {
        return staleFinalResults;
    }

    private void readLoop() {
        byte[] buffer = new byte[8192];
        try {
            while (true) {
                gate.awaitRoom(buffer.length);
                int n = link.read(buffer, 0, buffer.length);
                if (n < 0) {
                    markLost("link closed (EOF)");
                    return;
                }
                if (log.isTraceEnabled()) {
                    log.trace("module={} RX {}", state.id, Printable.escape(buffer, 0, n, 160));
                }
                state.lock();
                try {
                    decoder.feed(buffer, 0, n);
                } finally {
                    state.unlock();
                }
                writeDuePayload();
            }
        } catch (IOException e) {
            markLost("link I/O error: " + e.getMessage());
        } catch (InterruptedException e) {
            markLost("reader interrupted");
        } catch (RuntimeException e) {
            log.error("module={} reader failed", state.id, e);
            markLost("reader failed: " + e);
        }
    }

    /**
     * The payload goes out from the reader, the moment its prompt is decoded: the module waits idle for it, and
     * waking the worker first would add a thread hand-off to every send (issue 15's line-rate figures). It is
     * written outside the module lock, so a slow line never holds up anyone who only reads state.
     */
    private void writeDuePayload() throws IOException {
        Exchange due = payloadDue;
        if (due != null) {
            payloadDue = null;
            // abandoned meanwhile (a reboot in the same read): the payload would reach a fresh module as command text
            if (state.locked(() -> current == due)) {
                write(due.payload);
            }
        }
    }

    private void markLost(String reason) {
        if (lost.complete(reason)) {
            state.locked(() -> {
                if (current != null) {
                    current.fail(new ModuleException.ModuleUnavailable(state.id, ModuleStatus.DOWN, reason));
                }
            });
        }
    }

    /**
     * Fails the command in flight now: the module rebooted and will never answer it. A prompted send that had no
     * prompt yet writes no payload (it would reach the fresh module as command text).
     */
    void abandonExchange(RuntimeException cause) {
        state.locked(() -> {
            if (current != null) {
                current.fail(cause);
                current = null;
                decoder.clearExpectation();
            }
        });
    }

    /** Called by the decoder, under the module lock. */
    private void onEvent(AtEvent event) {
        Exchange exchange = current;
        switch (event) {
            case FinalResult result -> {
                if (exchange != null) {
                    current = null;
                    if (result instanceof FinalResult.Ok && exchange.onOk != null) {
                        // e.g. a new access mode: what the module prints after this OK is already in the new form
                        exchange.onOk.run();
                    }
                    exchange.complete(result);
                } else {
                    staleFinalResults++;
                    log.debug("module={} final result {} with no command in flight", state.id, result);
                }
            }
            case AtEvent.Prompt prompt -> {
                if (exchange != null) {
                    if (exchange.payload != null && !exchange.prompt.isDone()) {
                        payloadDue = exchange;
                    }
                    exchange.prompt.complete(null);
                }
            }
            case AtEvent.Echo echo -> {
            }
            case Information info -> {
                router.accept(info);
                if (exchange != null) {
                    exchange.lines.add(info);
                }
            }
            default -> router.accept(event);
        }
    }

    /**
     * Sends a command and waits for its final result; for a prompted command writes {@code payload} after {@code >}.
     *
     * <p>Once {@code AT+MIPSEND=<id>,<len>} is on the wire, the next {@code len} bytes on the line belong to it
     * (FIELD-NOTES §7.2). So the prompt is awaited as long as the command's own answer time plus the module's input
     * timeout ({@code inputTimeout}, AT+MIPCFG "timeout"): a late prompt still gets its payload. If it never comes,
     * nothing else is written; the caller learns the outcome is unknown and the next resync first stays silent for
     * the module's input timeout, so that no probe can become payload.
     */
    ExchangeResult exchange(AtCommand command, byte[] commandBytes, byte[] payload, Duration timeout, Runnable onOk,
                            Duration inputTimeout) {
        boolean prompted = command.response().prompt() && payload != null;
        Exchange exchange = new Exchange(command, onOk, prompted ? payload : null);
        state.locked(() -> {
            if (lost.isDone()) {
                exchange.fail(new ModuleException.ModuleUnavailable(state.id, ModuleStatus.DOWN, lost.getNow("")));
                return;
            }
            ResponseShape shape = command.response();
            decoder.expect(new ResponseExpectation(command.name(), shape.informationPrefixes(), shape.prompt(),
                    shape.textLines(), shape.endingReports(), shape.promptLength()));
            current = exchange;
        });
        try {
            write(commandBytes);
            if (prompted) {
                // the reader writes the payload at the prompt; here only its absence matters
                CompletableFuture<Object> promptOrEnd = CompletableFuture.anyOf(exchange.prompt, exchange.done);
                try {
                    await(promptOrEnd, timeout.plus(inputTimeout).plus(INPUT_MARGIN), command, exchange);
                } catch (ModuleException.ModuleTimeout noPrompt) {
                    quietNeeded = inputTimeout.plus(INPUT_MARGIN);
                    throw noPrompt;
                }
            }
            return await(exchange.done, timeout, command, exchange);
        } catch (IOException e) {
            markLost("write failed: " + e.getMessage());
            throw new ModuleException.ModuleUnavailable(state.id, ModuleStatus.DOWN, "write failed: " + e.getMessage());
        }
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout, AtCommand command, Exchange exchange) {
        try {
            return timeout.isZero() ? future.get() : future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            state.locked(() -> {
                if (current == exchange) {
                    current = null;
                    decoder.clearExpectation();
                }
            });
            throw new ModuleException.ModuleTimeout(state.id, command.describe());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleException.ModuleUnavailable(state.id, ModuleStatus.STOPPED, "interrupted");
        }
    }

    /** The silence the line needs before command text may be written again; reset once taken. */
    Duration takeQuietNeeded() {
        Duration quiet = quietNeeded;
        quietNeeded = Duration.ZERO;
        return quiet;
    }

    /** Writes raw bytes: transparent data, or {@code +++}. */
    void write(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            if (log.isTraceEnabled()) {
                log.trace("module={} TX {}", state.id, Printable.escape(bytes, 0, bytes.length, 160));
            }
            link.write(bytes, 0, bytes.length);
        }
    }

    /** Reads and drops whatever the module sends for {@code quiet}; used before probing and when resynchronising. */
    void drain(Duration quiet) {
        state.locked(() -> {
            decoder.reset();
            current = null;
        });
        sleep(quiet);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        markLost("session closed");
        link.close();
        if (reader != null) {
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The command in flight and what has arrived for it. */
    private static final class Exchange {
        final AtCommand command;
        final List<Information> lines = new ArrayList<>();
        final CompletableFuture<Void> prompt = new CompletableFuture<>();
        final CompletableFuture<ExchangeResult> done = new CompletableFuture<>();
        final Runnable onOk;
        /** Written once, at the prompt; {@code null} for a command without one. */
        final byte[] payload;

        Exchange(AtCommand command, Runnable onOk, byte[] payload) {
            this.command = command;
            this.onOk = onOk;
            this.payload = payload;
        }

        void complete(FinalResult result) {
            done.complete(new ExchangeResult(List.copyOf(lines), result));
        }

        void fail(RuntimeException cause) {
            prompt.completeExceptionally(cause);
            done.completeExceptionally(cause);
        }
    }
}
