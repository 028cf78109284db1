package io.mipgate.module;

import io.mipgate.at.command.AtCommand;
import io.mipgate.module.job.Job;
import io.mipgate.module.job.JobPriority;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What the worker hands the parts that run on its thread (start-up, reconciler, ACK sampler, flow control,
 * connection operations): the line to run commands on, the connection table and the module's state. They hold no
 * state of the worker's and never see its loop.
 */
final class WorkerContext {

    /** Runs one AT exchange on the worker thread. */
    @FunctionalInterface
    interface Exchanger {
        ExchangeResult exec(AtCommand command, byte[] payloadAfterPrompt, Runnable onOk, Duration inputTimeout);
    }



    /** Queues a job on the worker. */
    @FunctionalInterface
    interface Submitter {
        <T> CompletableFuture<T> submit(String name, JobPriority priority, Job.JobBody<T> body);
    }

    final String id;
    final ModuleSettings settings;
    final ModuleState state;
    final ConnectionTable table;
    private final Exchanger exchanger;
    private final Submitter submitter;

    WorkerContext(ModuleSettings settings, ModuleState state, ConnectionTable table, Exchanger exchanger,
                  Submitter submitter) {
        this.id = settings.id();
        this.settings = settings;
        this.state = state;
        this.table = table;
        this.exchanger = exchanger;
        this.submitter = submitter;
    }

    ExchangeResult exec(AtCommand command) {
        return exchanger.exec(command, null, null, Duration.ZERO);
    }

    /**
     * @param onOk runs on the reader thread the moment the OK is decoded, before any later byte: for changes of how
     *             the module prints data (access mode, receive format) that take effect with that OK
     */
    ExchangeResult exec(AtCommand command, byte[] payloadAfterPrompt, Runnable onOk) {
        return exchanger.exec(command, payloadAfterPrompt, onOk, Duration.ZERO);
    }

    /** A prompted send: {@code inputTimeout} is how long the module keeps its data input open after {@code >}. */
    ExchangeResult send(AtCommand command, byte[] payload, Duration inputTimeout) {
        return exchanger.exec(command, payload, null, inputTimeout);
    }

    <T> CompletableFuture<T> control(String name, Job.JobBody<T> body) {
        return submitter.submit(name, JobPriority.CONTROL, body);
    }

    <T> CompletableFuture<T> user(String name, Job.JobBody<T> body) {
        return submitter.submit(name, JobPriority.USER, body);
    }
}
