package io.mipgate.emulator;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread a virtual module's state lives on: posted tasks and due timers run there in order, so nothing the
 * module owns needs a lock. Any thread may {@link #post}; only loop tasks may {@link #schedule} or clear timers.
 */
final class ModuleLoop {

    private static final Logger log = LoggerFactory.getLogger(ModuleLoop.class);
    private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final LinkedBlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private volatile boolean running;
    private Thread thread;

    synchronized boolean start(String name) {
        if (running) {
            return false;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name(name).start(this::run);
        return true;
    }

    /** Ends the loop once the tasks already posted have run (waiting a bounded time for that). */
    void stop() {
        post(() -> running = false);
        Thread current;
        synchronized (this) {
            current = thread;
        }
        if (current != null) {
            try {
                current.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void post(Runnable task) {
        events.add(task);
    }

    /** Must be called on the loop. */
    Timer schedule(Duration delay, Runnable task) {
        Timer timer = new Timer(System.nanoTime() + delay.toNanos(), task);
        timers.add(timer);
        return timer;
    }

    /** Must be called on the loop: forgets every pending timer (a reboot). */
    void clearTimers() {
        timers.clear();
    }

    private void run() {
        while (running) {
            try {
                Timer next = timers.peek();
                long wait = next == null ? IDLE_WAIT_NANOS : next.at - System.nanoTime();
                Runnable event = wait > 0 ? events.poll(wait, TimeUnit.NANOSECONDS) : events.poll();
                if (event != null) {
                    runSafely(event);
                }
                while (!timers.isEmpty() && timers.peek().at <= System.nanoTime()) {
                    Timer due = timers.poll();
                    if (!due.cancelled) {
                        runSafely(due.task);
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("emulator loop task failed", e);
        }
    }

    /** A cancellable point in time on the loop. */
    static final class Timer implements Comparable<Timer> {
        final long at;
        final Runnable task;
        boolean cancelled;

        Timer(long at, Runnable task) {
            this.at = at;
            this.task = task;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer other) {
            return Long.compare(at, other.at);
        }
    }
}
