package io.mipgate.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mipgate.module.ModuleDirectory;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEventListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Takes module events off the worker threads into one bounded queue and writes them from a single writer thread, in
 * batches of one transaction each. A slow or unavailable database never reaches the workers: {@link #onEvent} only
 * offers to the queue, a failing batch is retried with capped exponential back-off while new events queue up, and
 * only a full queue drops events (counted in {@code mipgate_store_writes_dropped_total}).
 */
@Component
public class StoreWriteQueue implements ModuleEventListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoreWriteQueue.class);

    /** Stop before the data source and after the workers (which stop in a later, higher phase). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private final HistoryBatchWriter writer;
    private final StoreProperties properties;
    private final CounterCheckpoints checkpoints;
    private final BlockingQueue<ModuleEvent> queue;
    private final Counter dropped;
    private final Counter failures;
    private final Counter written;
    private final Counter rejected;
    private final Timer batchTimer;
    private final AtomicLong droppedTotal = new AtomicLong();
    private volatile boolean accepting;
    private volatile boolean running;
    private Thread thread;

    public StoreWriteQueue(HistoryBatchWriter writer, StoreProperties properties, MeterRegistry registry,
                           ObjectProvider<ModuleDirectory> directory) {
        this.writer = writer;
        this.properties = properties;
        this.checkpoints = new CounterCheckpoints(writer, directory, properties.counterCheckpoint());
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        Gauge.builder("mipgate.store.queue.depth", queue::size)
                .description("Module events waiting to be written to the history store").register(registry);
        Gauge.builder("mipgate.store.queue.capacity", properties::queueCapacity)
                .description("Capacity of the history store write queue").register(registry);
        this.dropped = Counter.builder("mipgate.store.writes.dropped")
                .description("Module events not stored because the write queue was full").register(registry);
        this.failures = Counter.builder("mipgate.store.write.failures")
                .description("Batch writes that failed and were retried").register(registry);
        this.written = Counter.builder("mipgate.store.writes")
                .description("Module events written to the history store").register(registry);
        this.rejected = Counter.builder("mipgate.store.writes.rejected")
                .description("Module events the database refused as invalid (not retried)").register(registry);
        this.batchTimer = Timer.builder("mipgate.store.batch.duration")
                .description("Time to write one batch, successful or not").register(registry);
        this.accepting = true;
        directory.ifAvailable(d -> d.subscribe(this));
    }

    /** Called on worker threads: never blocks, never throws. */
    @Override
    public void onEvent(ModuleEvent event) {
        try {
            if (!accepting || !HistoryBatchWriter.isRecorded(event)) {
                return;
            }
            if (!queue.offer(event)) {
                dropped.increment();
                if (droppedTotal.incrementAndGet() % 1000 == 1) {
                    log.warn("store queue full ({} events): dropping history events, {} dropped so far",
                            properties.queueCapacity(), droppedTotal.get());
                }
            }
        } catch (RuntimeException e) {
            log.debug("store: event not queued", e);
        }
    }

    public int depth() {
        return queue.size();
    }

    public long droppedCount() {
        return droppedTotal.get();
    }

    @Override
    public void start() {
        running = true;
        accepting = true;
        thread = Thread.ofPlatform().name("mipgate-store-writer").daemon(true).start(this::run);
        log.info("store writer started: queue capacity {}, batch size {}, linger {}", properties.queueCapacity(),
                properties.batchSize(), properties.batchLinger());
    }

    @Override
    public void stop() {
        running = false;
        accepting = false;
        Thread writerThread = thread;
        if (writerThread == null) {
            return;
        }
        try {
            writerThread.join(properties.shutdownTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writerThread.isAlive()) {
            writerThread.interrupt();
            log.warn("store writer stopped with {} events unwritten after {}", queue.size(),
                    properties.shutdownTimeout());
        } else {
            log.info("store writer stopped: queue flushed, {} events dropped since start", droppedTotal.get());
        }
        thread = null;
    }

    /**
     * The history keeps being written while a test pauses this context: the workers it listens to are not paused
     * either, and a writer stopped by a pause lost every event until the context closed.
     */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Writes batches and, between them, the connection counters; the last counters once the workers have stopped. */
    private void run() {
        List<ModuleEvent> batch = new ArrayList<>(properties.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                if (fill(batch)) {
                    writeWithRetry(batch);
                    batch.clear();
                }
                checkpoints.whenDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        checkpoints.now();
    }

    /** Waits for a first event, then lingers a little for the batch to fill. */
    private boolean fill(List<ModuleEvent> batch) throws InterruptedException {
        ModuleEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        long lingerEnd = System.nanoTime() + properties.batchLinger().toNanos();
        while (batch.size() < properties.batchSize()) {
            queue.drainTo(batch, properties.batchSize() - batch.size());
            long left = lingerEnd - System.nanoTime();
            if (batch.size() >= properties.batchSize() || left <= 0 || !running) {
                break;
            }
            ModuleEvent next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return true;
    }

    /**
     * Retries a batch until it is written. Only after the application stopped does a still-failing batch get given
     * up (after the shutdown timeout), so a database outage costs events only through a full queue.
     */
    private void writeWithRetry(List<ModuleEvent> batch) throws InterruptedException {
        Duration backoff = properties.retryBackoffMin();
        Instant outageStart = null;
        int attempts = 0;
        long droppedAtStart = droppedTotal.get();
        long stopDeadline = Long.MAX_VALUE;
        while (true) {
            long start = System.nanoTime();
            try {
                writer.write(batch);
                batchTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                written.increment(batch.size());
                if (outageStart != null) {
                    log.info("store writes resumed after {} failed attempts in {}; {} events dropped meanwhile, {} queued",
                            attempts, Duration.between(outageStart, Instant.now()).withNanos(0),
                            droppedTotal.get() - droppedAtStart, queue.size());
                }
                return;
            } catch (DataIntegrityViolationException e) {
                batchTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                writeOneByOne(batch);
                return;
            } catch (RuntimeException e) {
                batchTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                failures.increment();
                attempts++;
                if (outageStart == null) {
                    outageStart = Instant.now();
                    log.warn("store write failed ({} events in batch, {} queued): {}; retrying with back-off up to {}",
                            batch.size(), queue.size(), rootMessage(e), properties.retryBackoffMax());
                } else {
                    log.debug("store write attempt {} failed: {}", attempts, rootMessage(e));
                }
            }
            if (!running) {
                if (stopDeadline == Long.MAX_VALUE) {
                    stopDeadline = System.nanoTime() + properties.shutdownTimeout().toNanos();
                } else if (System.nanoTime() > stopDeadline) {
                    dropped.increment(batch.size() + queue.size());
                    log.warn("store unavailable at shutdown: {} events not written", batch.size() + queue.size());
                    queue.clear();
                    return;
                }
            }
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2);
            if (backoff.compareTo(properties.retryBackoffMax()) > 0) {
                backoff = properties.retryBackoffMax();
            }
        }
    }

    /** A batch the database refuses as data: keep the good events, count and log the bad ones (without payloads). */
    private void writeOneByOne(List<ModuleEvent> batch) {
        for (ModuleEvent event : batch) {
            try {
                writer.write(List.of(event));
                written.increment();
            } catch (DataIntegrityViolationException e) {
                rejected.increment();
                log.warn("store refused {} event of module {} at {}: {}", event.type(), event.moduleId(), event.at(),
                        rootMessage(e));
            } catch (RuntimeException e) {
                failures.increment();
                rejected.increment();
                log.warn("store write of a single {} event of module {} failed: {}", event.type(), event.moduleId(),
                        rootMessage(e));
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
