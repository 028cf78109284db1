package io.mipgate.module;

import io.mipgate.domain.InvalidParameterException;
import io.mipgate.at.command.AtCommand;
import io.mipgate.at.decode.AtEvent;
import io.mipgate.at.decode.FinalResult;
import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfiles;
import io.mipgate.module.connection.ConnectionSlot;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEventListener;
import io.mipgate.module.job.Job;
import io.mipgate.module.job.JobPriority;
import io.mipgate.module.job.JobQueue;
import io.mipgate.transport.Link;
import io.mipgate.transport.LinkFactories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of a module's serial line. A single thread takes queued jobs one at a time and runs their AT
 * exchanges; a reader thread decodes everything the module sends and routes URCs whether or not a command is in
 * flight. The same thread recovers: it resynchronises after a timeout, reopens a lost link with capped back-off and
 * re-initialises after a reboot.
 */
public final class ModuleWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModuleWorker.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    private static final int RESYNC_ATTEMPTS = 20;

    final ModuleSettings settings;
    final ModuleState state;
    final AsyncResults pending = new AsyncResults();
    private final LinkFactories links;
    private final JobQueue queue;
    private final Backoff backoff;
    private final UrcRouter router;
    private final ModuleInitializer initializer;
    private final FlowControl flow;
    private final Thread runner;
    private volatile boolean running = true;
    private volatile LineSession session;
    private volatile boolean resetDetected;
    private volatile boolean retryRequested;
    private boolean wasUp;
    private boolean needsResync;
    private int consecutiveTimeouts;
    private Job<?> currentJob;
    private final CompletableFuture<Void> firstStart = new CompletableFuture<>();

    public ModuleWorker(ModuleSettings settings, LinkFactories links, Clock clock) {
        this.settings = settings;
        this.links = links;
        this.queue = new JobQueue(settings.queueCapacity());
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        this.state = new ModuleState(settings.id(), clock,
                ModelProfiles.of(settings.model().orElse(ModelFamily.ML307R)), settings.receiveBufferBytes());
        this.initializer = new ModuleInitializer(this);
        this.flow = new FlowControl(this, initializer);
        this.router = new UrcRouter(state, pending, flow::scheduleRead, () -> resetDetected = true);
        this.runner = Thread.ofPlatform().daemon().name("mipgate-worker-" + settings.id()).unstarted(this::run);
    }

    public String id() {
        return settings.id();
    }

    public void start() {
        runner.start();
    }

    /** Completes when the first start-up attempt has finished, successfully or not. */
    public CompletableFuture<Void> firstStart() {
        return firstStart;
    }

    public void subscribe(ModuleEventListener listener) {
        state.subscribe(listener);
    }

    public ModuleStatus status() {
        return state.status();
    }

    /** Reconciliation found the module's connections all gone: handle it as a reboot before the next job. */
    void flagReset() {
        resetDetected = true;
    }

    /** An operator asks a FAILED module to try again. */
    public void retry() {
        retryRequested = true;
    }

    public ModuleSnapshot snapshot() {
        return state.locked(() -> new ModuleSnapshot(settings.id(), settings.link().toString(), state.model(),
                state.firmware(), state.imei(), state.status(), state.statusSince(), queue.depth(), queue.capacity(),
                state.lastError(), state.bridgedConnectId() != null,
                state.slots().stream().map(ConnectionSlot::snapshot).toList()));
    }

    /**
     * Queues a job. Refused at once when the queue is full or the module is not available; the returned future
     * completes with the body's value or its failure.
     */
    public <T> CompletableFuture<T> submit(String name, JobPriority priority, Job.JobBody<T> body) {
        ModuleStatus status = state.status();
        if (status != ModuleStatus.UP && status != ModuleStatus.STARTING && priority == JobPriority.USER) {
            state.publish(new ModuleEvent.JobRejected(id(), state.now(), name, "module " + status));
            return CompletableFuture.failedFuture(new ModuleException.ModuleUnavailable(id(), status, state.lastError()));
        }
        Job<T> job = new Job<>(name, priority, body, state.now());
        if (!queue.offer(job)) {
            state.publish(new ModuleEvent.JobRejected(id(), state.now(), name, "queue full"));
            return CompletableFuture.failedFuture(new ModuleException.QueueFull(id(), queue.capacity()));
        }
        return job.result();
    }

    // ---- used by job bodies, on the worker thread ----

    /** Runs one command: encode (validating), write, wait for the final result; logs and publishes the outcome. */
    ExchangeResult exec(AtCommand command) {
        return exec(command, null, null);
    }

    ExchangeResult exec(AtCommand command, byte[] payloadAfterPrompt) {
        return exec(command, payloadAfterPrompt, null);
    }

    /**
     * @param onOk runs on the reader thread the moment the OK is decoded, before any later byte: for changes of how
     *             the module prints data (access mode, receive format) that take effect with that OK
     */
    ExchangeResult exec(AtCommand command, byte[] payloadAfterPrompt, Runnable onOk) {
        byte[] bytes = command.encode(state.profile());
        LineSession line = session;
        if (line == null) {
            throw new ModuleException.ModuleUnavailable(id(), state.status(), "no link");
        }
        Instant started = state.now();
        Instant queued = currentJob == null ? started : currentJob.queuedAt();
        try {
            ExchangeResult result = line.exchange(command, bytes, payloadAfterPrompt,
                    command.responseTimeout(state.profile()), onOk);
            consecutiveTimeouts = 0;
            JobOutcome outcome = switch (result.result()) {
                case FinalResult.Ok ok -> JobOutcome.OK;
                case FinalResult.Error error -> JobOutcome.ERROR;
                case FinalResult.CmeError cme -> JobOutcome.CME_ERROR;
            };
            finished(command, outcome, result.errorCode(), queued, started);
            return result;
        } catch (ModuleException.ModuleTimeout timeout) {
            consecutiveTimeouts++;
            needsResync = true;
            finished(command, JobOutcome.TIMEOUT, null, queued, started);
            throw timeout;
        } catch (ModuleException.ModuleUnavailable unavailable) {
            finished(command, JobOutcome.LINK_LOST, null, queued, started);
            throw unavailable;
        }
    }

    private void finished(AtCommand command, JobOutcome outcome, Integer code, Instant queued, Instant started) {
        Instant done = state.now();
        log.debug("module={} command={} outcome={} latency_ms={}", id(), command.describe(), outcome,
                Duration.between(started, done).toMillis());
        state.publish(new ModuleEvent.JobFinished(id(), done, command.name(), outcome, code, queued, started, done));
    }

    ModuleInitializer initializer() {
        return initializer;
    }

    FlowControl flow() {
        return flow;
    }

    LineSession session() {
        return session;
    }

    UrcRouter router() {
        return router;
    }

    // ---- the worker thread ----

    private void run() {
        int attempt = 0;
        while (running) {
            try {
                if (session == null || session.isLost()) {
                    attempt = recover(attempt);
                    continue;
                }
                if (resetDetected) {
                    handleReset();
                    continue;
                }
                if (needsResync) {
                    resync();
                    continue;
                }
                Job<?> job = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (job == null) {
                    initializer.maintain();
                } else {
                    runJob(job);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("module={} worker loop failed", id(), e);
            }
        }
    }

    private <T> void runJob(Job<T> job) {
        if (state.status() != ModuleStatus.UP && job.priority() == JobPriority.USER) {
            job.result().completeExceptionally(new ModuleException.ModuleUnavailable(id(), state.status(), state.lastError()));
            return;
        }
        currentJob = job;
        try {
            job.result().complete(job.body().run());
        } catch (InvalidParameterException | ModuleException e) {
            job.result().completeExceptionally(e);
        } catch (Exception e) {
            log.warn("module={} job {} failed", id(), job.name(), e);
            job.result().completeExceptionally(e);
        } finally {
            currentJob = null;
        }
    }

    /** Opens the link (after back-off on repeated attempts) and initialises the module; returns the next attempt number. */
    private int recover(int attempt) throws InterruptedException {
        if (session != null) {
            String reason = session.lost().getNow("link lost");
            linkLost(reason);
        }
        if (attempt > 0) {
            if (settings.maxRecoveryAttempts() > 0 && attempt >= settings.maxRecoveryAttempts()) {
                state.locked(() -> state.status(ModuleStatus.FAILED, "gave up after " + attempt + " attempts"));
                firstStart.complete(null);
                while (running && !retryRequested) {
                    Thread.sleep(IDLE_POLL);
                }
                retryRequested = false;
                return 0;
            }
            Duration delay = backoff.delay(attempt);
            log.info("module={} reopening link {} in {} ms (attempt {})", id(), settings.link(), delay.toMillis(), attempt + 1);
            Thread.sleep(delay);
            state.locked(() -> state.status(ModuleStatus.RECOVERING, null));
        }
        try {
            Link link = links.create(id(), settings.link());
            LineSession fresh = new LineSession(state, link, this::route, flow::awaitTransparentRoom);
            fresh.start();
            session = fresh;
            initializer.initialise();
            needsResync = false;
            consecutiveTimeouts = 0;
            state.locked(() -> state.status(ModuleStatus.UP, null));
            if (wasUp) {
                state.publish(new ModuleEvent.LinkReconnected(id(), state.now(), attempt + 1));
            }
            wasUp = true;
            firstStart.complete(null);
            return 0;
        } catch (ModuleException | java.io.IOException | InvalidParameterException | IllegalStateException e) {
            String reason = e.getMessage();
            log.warn("module={} start-up failed: {}", id(), reason);
            state.locked(() -> state.status(ModuleStatus.DOWN, reason));
            if (session != null) {
                session.close();
            }
            session = null;
            firstStart.complete(null);
            return attempt + 1;
        }
    }

    private void route(AtEvent event) {
        router.route(event);
    }

    /** Fails everything that waited on the lost link; connections are kept, they live in the module. */
    private void linkLost(String reason) {
        log.warn("module={} link lost: {}", id(), reason);
        LineSession old = session;
        session = null;
        needsResync = false;
        var failure = new ModuleException.ModuleUnavailable(id(), ModuleStatus.DOWN, "link lost: " + reason);
        state.locked(() -> {
            state.status(ModuleStatus.DOWN, "link lost: " + reason);
            pending.failAll(failure);
            state.bridgedConnectId(null);
        });
        failQueued(failure);
        old.close();
    }

    private void failQueued(RuntimeException failure) {
        List<Job<?>> dropped = queue.drain();
        dropped.forEach(job -> job.result().completeExceptionally(failure));
        if (!dropped.isEmpty()) {
            log.info("module={} failed {} queued jobs: {}", id(), dropped.size(), failure.getMessage());
        }
    }

    /** The module rebooted: its connections are gone (unread data stays readable), pending results fail, init again. */
    private void handleReset() {
        resetDetected = false;
        state.locked(() -> {
            state.status(ModuleStatus.RECOVERING, "module reset");
            pending.failAll(new ModuleException.ModuleUnavailable(id(), ModuleStatus.RECOVERING, "module reset"));
            state.bridgedConnectId(null);
            for (ConnectionSlot slot : state.slots()) {
                slot.awaitingRelease(false);
                slot.moduleUnread(0);
                slot.mode(io.mipgate.domain.AccessMode.NORMAL);
                slot.formats(io.mipgate.domain.SendFormat.ASCII, io.mipgate.domain.RecvFormat.ASCII);
                if (slot.state() != ConnectionState.INITIAL && slot.state() != ConnectionState.CLOSED) {
                    router.moveTo(slot, ConnectionState.CLOSED, "module reset");
                }
            }
            state.publish(new ModuleEvent.ModuleReset(id(), state.now(), "module rebooted"));
        });
        try {
            state.locked(() -> session.decoder().reset());
            initializer.initialise();
            needsResync = false;
            state.locked(() -> state.status(ModuleStatus.UP, null));
        } catch (RuntimeException e) {
            log.warn("module={} re-initialisation after reset failed: {}", id(), e.getMessage());
            session.close();
        }
    }

    /** After a timeout: AT until a fresh OK, with a quiet period that exposes late answers, before the next job. */
    private void resync() {
        LineSession line = session;
        needsResync = false;
        for (int i = 0; i < RESYNC_ATTEMPTS && running && !line.isLost(); i++) {
            line.drain(Duration.ofMillis(100));
            try {
                ExchangeResult probe = exec(new io.mipgate.at.command.Basic.Attention());
                long staleBefore = line.staleFinalResults();
                LineSession.sleep(Duration.ofMillis(300));
                if (probe.ok() && line.staleFinalResults() == staleBefore) {
                    log.info("module={} resynchronised after {} probe(s)", id(), i + 1);
                    return;
                }
            } catch (ModuleException.ModuleTimeout ignored) {
                needsResync = false;
            } catch (ModuleException e) {
                return;
            }
        }
        if (!line.isLost()) {
            log.warn("module={} no fresh OK after {} probes: reopening the link", id(), RESYNC_ATTEMPTS);
            line.close();
        }
    }

    @Override
    public void close() {
        running = false;
        runner.interrupt();
        try {
            runner.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var stopped = new ModuleException.ModuleUnavailable(id(), ModuleStatus.STOPPED, "gateway stopping");
        failQueued(stopped);
        LineSession line = session;
        session = null;
        state.locked(() -> {
            pending.failAll(stopped);
            state.status(ModuleStatus.STOPPED, "gateway stopping");
        });
        if (line != null) {
            line.close();
        }
    }

    boolean isRunning() {
        return running;
    }
}
