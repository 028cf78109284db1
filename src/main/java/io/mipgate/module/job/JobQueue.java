package io.mipgate.module.job;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded job queue of one module with two priorities. A full queue refuses at once (the caller gets a distinct
 * error rather than waiting); control jobs are taken before user jobs; a cancelled job is dropped when reached.
 */
public final class JobQueue {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Deque<Job<?>> control = new ArrayDeque<>();
    private final Deque<Job<?>> user = new ArrayDeque<>();

    public JobQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1");
        }
        this.capacity = capacity;
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
                    if (next.result().isDone()) {
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
