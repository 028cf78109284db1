package io.mipgate.module.job;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded job queue of one module with two priorities. A full queue refuses at once (the caller gets a distinct
 * error rather than waiting); control jobs are taken before user jobs; a cancelled job is dropped when reached.
 * Its {@link JobLedger} keeps what an operator may list: queued, running and recently finished jobs.
 */
public final class JobQueue {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Deque<Job<?>> control = new ArrayDeque<>();
    private final Deque<Job<?>> user = new ArrayDeque<>();
    private final Clock clock;
    private final JobLedger ledger;

    public JobQueue(int capacity) {
        this(capacity, Clock.systemUTC());
    }

    public JobQueue(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1");
        }
        this.capacity = capacity;
        this.clock = clock;
        this.ledger = new JobLedger(clock);
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Adds a job. Control jobs may exceed the user capacity by the same amount again, so a queue full of user work
     * never blocks recovery.
     *
     * @return false when the queue is full
     */
    public boolean offer(Job<?> job) {
        lock.lock();
        try {
            if (job.priority() == JobPriority.USER ? user.size() >= capacity : control.size() >= capacity) {
                return false;
            }
            (job.priority() == JobPriority.CONTROL ? control : user).addLast(job);
            ledger.queued(job);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The next job that was not cancelled, or null after the timeout. */
    public Job<?> poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (true) {
                Job<?> next = control.isEmpty() ? user.pollFirst() : control.pollFirst();
                if (next != null) {
                    if (next.result().isDone() || !next.claim(clock.instant())) {
                        continue;
                    }
                    return next;
                }
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Jobs waiting, not counting ones already cancelled. */
    public int depth() {
        lock.lock();
        try {
            return (int) (control.stream().filter(j -> !j.result().isDone()).count()
                    + user.stream().filter(j -> !j.result().isDone()).count());
        } finally {
            lock.unlock();
        }
    }

    /** Queued and running jobs, then the most recently finished ones. */
    public List<JobView> jobs() {
        return ledger.views();
    }

    /**
     * Withdraws a queued job: its caller's future is cancelled and the worker skips it.
     *
     * @return the job as it now stands, CANCELLED, or unchanged when the worker had already taken it; empty when no
     *         such job is known
     */
    public Optional<JobView> cancel(long id) {
        return ledger.find(id).map(job -> {
            job.cancelQueued();
            return JobLedger.view(job);
        });
    }

    /** Removes and returns every waiting job, e.g. to fail them when the link is lost. */
    public List<Job<?>> drain() {
        lock.lock();
        try {
            List<Job<?>> all = new ArrayList<>(control);
            all.addAll(user);
            control.clear();
            user.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }
}
