package io.mipgate.module;

import io.mipgate.at.command.AtCommand;
import io.mipgate.at.command.Basic;
import io.mipgate.at.decode.FinalResult;
import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfiles;
import io.mipgate.domain.InvalidParameterException;
import io.mipgate.module.RecoveryLadder.Rung;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEventListener;
import io.mipgate.module.job.Job;
import io.mipgate.module.job.JobPriority;
import io.mipgate.module.job.JobQueue;
import io.mipgate.transport.LinkFactories;
import io.mipgate.transport.LinkSpec;
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
 * exchanges; a reader thread (in {@link LineSession}) decodes everything the module sends and routes URCs whether or
 * not a command is in flight. The same thread climbs the {@link RecoveryLadder} when the line misbehaves. Start-up,
 * reconciliation, ACK sampling and flow control are parts of their own that it hands a {@link WorkerContext}.
 */
public final class ModuleWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModuleWorker.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    /** How long a stop waits for a read or send on the line (AtCommand.carriesPayload) to end. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    final ModuleSettings settings;
    final ModuleState state;
    final ConnectionTable table;
    final AsyncResults pending;
    final WorkerContext context;
    final FlowControl flow;
    final Reconciler reconciler;
    final SackSampler sampler;
    private final StartupSequence startup;
    private final Resynchronizer resynchronizer;
    final JobQueue queue;
    private final RecoveryLadder ladder;
    private final UrcRouter router;
    private final Thread runner;
    private final CompletableFuture<Void> firstStart = new CompletableFuture<>();
    private final MaintenanceSchedule maintenance;
    private volatile boolean running = true;
    private final OpenLine line;
    private volatile String rebootSeen;
    private volatile boolean retryRequested;
    private volatile boolean payloadOnLine;
    private boolean wasUp;
    private Job<?> currentJob;

    public ModuleWorker(ModuleSettings settings, LinkFactories links, Clock clock) {
        this.settings = settings;
        this.queue = new JobQueue(settings.queueCapacity(), clock);
        var profile = ModelProfiles.of(settings.model().orElse(ModelFamily.ML307R));
        this.state = new ModuleState(settings.id(), clock, profile);
        this.pending = new AsyncResults(settings.id());
        this.table = new ConnectionTable(state, settings.receiveBufferBytes());
        ModuleSettings.Recovery bounds = settings.recovery();
        this.ladder = new RecoveryLadder(new RecoveryLadder.Policy(bounds.timeoutsBeforeReboot(),
                bounds.reopensBeforeReboot(), bounds.softReboots(), bounds.maxAttempts(),
                new Backoff(bounds.backoffInitial(), bounds.backoffMax())));
        this.context = new WorkerContext(settings, state, table, this::exec, this::submit);
        this.flow = new FlowControl(context);
        this.reconciler = new Reconciler(context, flow);
        this.sampler = new SackSampler(context);
        this.router = new UrcRouter(state, table, pending, new WorkerFollowups(context, flow, reconciler,
                this::session, why -> rebootSeen = why));
        this.line = new OpenLine(state, links, settings.link(), router::route,
                bytes -> flow.awaitTransparentRoom(bytes, () -> running));
        this.startup = new StartupSequence(context, new LineRateAlignment(context, line::spec, this::openSession));
        this.resynchronizer = new Resynchronizer(context);
        this.runner = Thread.ofPlatform().daemon().name("mipgate-worker-" + settings.id()).unstarted(this::run);
        this.maintenance = new MaintenanceSchedule(context, reconciler, sampler, () -> running);
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

    /** An operator asks a FAILED module to try again; ignored in any other status. */
    public void retry() {
        retryRequested = true;
    }

    public ModuleSnapshot snapshot() {
        return state.locked(() -> new ModuleSnapshot(settings.id(), settings.link().toString(), state.model(),
                state.firmware(), state.imei(), state.status(), state.statusSince(), queue.depth(), queue.capacity(),
                state.lastError(), table.bridged() != null, table.snapshots(), ladder.rung().name(),
                ladder.attempts(), ladder.consecutiveTimeouts(), state.dataCall(), state.faults(),
                line.spec().rate().orElse(0)));
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

    LineSession session() {
        return line.session();
    }

    // ---- one exchange, on the worker thread ----

    private ExchangeResult exec(AtCommand command, byte[] payloadAfterPrompt, Runnable onOk, Duration inputTimeout) {
        byte[] bytes = command.encode(state.profile());
        LineSession current = line.session();
        if (current == null) {
            throw new ModuleException.ModuleUnavailable(id(), state.status(), "no link");
        }
        Instant started = state.now();
        Instant queued = currentJob == null ? started : currentJob.queuedAt();
        payloadOnLine = command.carriesPayload();
        try {
            ExchangeResult result = current.exchange(command, bytes, payloadAfterPrompt,
                    command.responseTimeout(state.profile()), onOk, inputTimeout);
            ladder.answered();
            finished(command, switch (result.result()) {
                case FinalResult.Ok ok -> JobOutcome.OK;
                case FinalResult.Error error -> JobOutcome.ERROR;
                case FinalResult.CmeError cme -> JobOutcome.CME_ERROR;
            }, result.errorCode(), queued, started);
            return result;
        } catch (ModuleException.ModuleTimeout timeout) {
            if (ladder.rung() == Rung.NONE) {
                ladder.timedOut(command.name());
            }
            finished(command, JobOutcome.TIMEOUT, null, queued, started);
            throw timeout;
        } catch (ModuleException.ModuleUnavailable unavailable) {
            finished(command, JobOutcome.LINK_LOST, null, queued, started);
            throw unavailable;
        } finally {
            payloadOnLine = false;
        }
    }

    private void finished(AtCommand command, JobOutcome outcome, Integer code, Instant queued, Instant started) {
        Instant done = state.now();
        log.debug("module={} command={} outcome={} latency_ms={}", id(), command.describe(), outcome,
                Duration.between(started, done).toMillis());
        state.publish(new ModuleEvent.JobFinished(id(), done, command.name(), outcome, code, queued, started, done));
    }

    // ---- the worker thread ----

    private void run() {
        ladder.linkLost("start-up");
        while (running) {
            try {
                switch (ladder.rung()) {
                    case FAILED -> awaitOperator();
                    case REOPEN, REBOOT -> recover();
                    case RESYNC -> resync();
                    case NONE -> serve();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("module={} worker loop failed", id(), e);
            }
        }
    }

    private void serve() throws InterruptedException {
        LineSession current = line.session();
        if (current == null || current.isLost()) {
            linkLost(current == null ? "no link" : current.lost().getNow("link lost"));
            return;
        }
        String reboot = rebootSeen;
        if (reboot != null) {
            moduleRebooted(reboot);
            return;
        }
        Job<?> job = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
        if (job != null) {
            runJob(job);
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

    /** One attempt of the REOPEN or REBOOT rung: (back-off,) open the link, (reboot,) initialise, reconcile. */
    private void recover() throws InterruptedException {
        Duration delay = ladder.delay();
        if (!delay.isZero()) {
            log.info("module={} {} of link {} in {} ms (attempt {})", id(), ladder.rung(), settings.link(),
                    delay.toMillis(), ladder.attempts() + 1);
            Thread.sleep(delay);
        }
        Rung rung = ladder.rung();
        if (wasUp) {
            state.publish(new ModuleEvent.RecoveryStep(id(), state.now(), rung.name(), ladder.attempts() + 1,
                    ladder.reason()));
            state.locked(() -> state.status(ModuleStatus.RECOVERING, ladder.reason()));
        }
        boolean lineOpened = false;
        try {
            openSession(line.spec());
            lineOpened = true;
            if (rung == Rung.REBOOT) {
                softReboot();
            }
            startup.run(line.session(), true);
            reconciler.reconcile();
            int attempt = ladder.attempts() + 1;
            ladder.recovered();
            state.locked(() -> state.status(ModuleStatus.UP, null));
            if (wasUp) {
                state.publish(new ModuleEvent.LinkReconnected(id(), state.now(), attempt));
            }
            wasUp = true;
            firstStart.complete(null);
        } catch (ModuleException | java.io.IOException | InvalidParameterException | IllegalStateException e) {
            boolean silent = lineOpened && e instanceof ModuleException.ModuleTimeout;
            String reason = e.getMessage();
            log.warn("module={} {} attempt failed: {}", id(), rung, reason);
            closeSession();
            Rung next = ladder.attemptFailed(silent, reason);
            ModuleStatus status = next == Rung.FAILED ? ModuleStatus.FAILED : ModuleStatus.DOWN;
            String why = next == Rung.FAILED ? ladder.reason() : reason;
            state.locked(() -> state.status(status, why));
            if (next == Rung.FAILED) {
                log.error("module={} FAILED: {}; waiting for an operator retry", id(), why);
                failQueued(new ModuleException.ModuleUnavailable(id(), ModuleStatus.FAILED, why));
                state.publish(new ModuleEvent.RecoveryStep(id(), state.now(), next.name(), ladder.attempts(), why));
            }
            firstStart.complete(null);
        }
    }

    private void openSession(LinkSpec spec) throws java.io.IOException {
        LineSession fresh = line.open(spec);
        rebootSeen = null;
        state.echoOff(false);
        table.attach(fresh.decoder()::connection);
    }

    private void closeSession() {
        line.close();
    }

    /** The soft-reboot rung: AT+MREBOOT even if the module may not answer it, then let start-up probe it back. */
    private void softReboot() {
        log.warn("module={} soft reboot (AT+MREBOOT)", id());
        try {
            context.exec(new Basic.Reboot());
        } catch (ModuleException.ModuleTimeout silent) {
            log.debug("module={} no answer to AT+MREBOOT", id());
        }
        forgetModuleState("soft reboot");
        line.session().drain(settings.recovery().bootWait());
    }

    private void awaitOperator() throws InterruptedException {
        while (running && !retryRequested) {
            Thread.sleep(IDLE_POLL);
        }
        retryRequested = false;
        if (ladder.operatorRetry()) {
            log.info("module={} operator retry: recovering from FAILED", id());
            state.locked(() -> state.status(ModuleStatus.RECOVERING, "operator retry"));
        }
    }

    /** Fails everything that waited on the lost link; connections are kept, they live in the module. */
    private void linkLost(String reason) {
        log.warn("module={} link lost: {}", id(), reason);
        closeSession();
        var failure = new ModuleException.ModuleUnavailable(id(), ModuleStatus.DOWN, "link lost: " + reason);
        state.locked(() -> {
            state.status(ModuleStatus.DOWN, "link lost: " + reason);
            failResults(failure);
        });
        failQueued(failure);
        ladder.linkLost(reason);
    }

    /** The module rebooted by itself: its connections are gone (unread data stays readable), initialise again. */
    private void moduleRebooted(String why) {
        log.warn("module={} the module rebooted ({})", id(), why);
        state.locked(() -> state.status(ModuleStatus.RECOVERING, "module reset"));
        forgetModuleState(why);
        try {
            startup.run(line.session(), false);
            reconciler.reconcile();
            state.locked(() -> state.status(ModuleStatus.UP, null));
        } catch (RuntimeException e) {
            log.warn("module={} re-initialisation after reset failed: {}", id(), e.getMessage());
            closeSession();
            ladder.moduleReset();
        }
    }

    /** What the module forgot in a reboot, the gateway forgets too: connections, pending results, formats. */
    private void forgetModuleState(String why) {
        rebootSeen = null;
        state.echoOff(false);
        var failure = new ModuleException.ModuleUnavailable(id(), ModuleStatus.RECOVERING, "module reset");
        table.moduleReset(failure);
        state.locked(() -> {
            pending.failAll(failure);
            line.session().decoder().reset();
        });
        state.publish(new ModuleEvent.ModuleReset(id(), state.now(), why));
    }

    private void failResults(RuntimeException failure) {
        table.failPending(failure);
        state.locked(() -> pending.failAll(failure));
    }

    private void failQueued(RuntimeException failure) {
        List<Job<?>> dropped = queue.drain();
        dropped.forEach(job -> job.result().completeExceptionally(failure));
        if (!dropped.isEmpty()) {
            log.info("module={} failed {} queued jobs: {}", id(), dropped.size(), failure.getMessage());
        }
    }

    /** The resync rung; when it fails, the line is reopened. */
    private void resync() {
        LineSession current = line.session();
        if (current == null || current.isLost()) {
            ladder.linkLost("link lost during resync");
            return;
        }
        state.publish(new ModuleEvent.RecoveryStep(id(), state.now(), Rung.RESYNC.name(), 1, ladder.reason()));
        if (resynchronizer.resync(current, () -> running)) {
            ladder.resynchronised();
            return;
        }
        ladder.resyncFailed();
        state.locked(() -> state.status(ModuleStatus.DOWN, "no fresh OK after resync"));
        failResults(new ModuleException.ModuleUnavailable(id(), ModuleStatus.DOWN, "line out of sync"));
        closeSession();
    }

    @Override
    public void close() {
        running = false;
        maintenance.close();
        try {
            if (!payloadOnLine) {
                runner.interrupt();
            }
            runner.join(STOP_GRACE.toMillis());
            runner.interrupt();
            runner.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var stopped = new ModuleException.ModuleUnavailable(id(), ModuleStatus.STOPPED, "gateway stopping");
        failQueued(stopped);
        failResults(stopped);
        state.locked(() -> state.status(ModuleStatus.STOPPED, "gateway stopping"));
        closeSession();
    }
}
