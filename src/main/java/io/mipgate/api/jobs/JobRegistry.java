package io.mipgate.api.jobs;

import io.mipgate.api.dto.JobDto;
import io.mipgate.api.problem.ApiException;
import io.mipgate.api.problem.ProblemType;
import io.mipgate.api.problem.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Operations started with {@code ?async=true}: in memory, bounded in number, finished jobs kept for a while. A full
 * registry refuses new jobs (429) rather than forgetting pending ones.
 */
@Component
public class JobRegistry {

    private final Clock clock;
    private final int capacity;
    private final Duration retention;
    private final Map<String, Entry> jobs = new LinkedHashMap<>();

    public JobRegistry(Clock clock, @Value("${mipgate.api.jobs.capacity:1000}") int capacity,
                       @Value("${mipgate.api.jobs.retention:PT15M}") Duration retention) {
        this.clock = clock;
        this.capacity = capacity;
        this.retention = retention;
    }

    private static final class Entry {
        final String id;
        final String kind;
        final String moduleId;
        final Instant createdAt;
        volatile Instant finishedAt;
        volatile Object result;
        volatile ProblemDetail problem;

        Entry(String id, String kind, String moduleId, Instant createdAt) {
            this.id = id;
            this.kind = kind;
            this.moduleId = moduleId;
            this.createdAt = createdAt;
        }

        JobDto dto() {
            String status = finishedAt == null ? "PENDING" : problem == null ? "SUCCEEDED" : "FAILED";
            return new JobDto(id, kind, moduleId, status, createdAt, finishedAt, result, problem);
        }
    }

    /** Registers a running operation; its answer is mapped to the API body when it completes. */
    public <T> JobDto start(String kind, String moduleId, String path, CompletableFuture<T> operation,
                            Function<T, Object> toBody) {
        Entry entry;
        synchronized (this) {
            evict();
            if (jobs.size() >= capacity) {
                // a pipelining client queues a job per send: the oldest finished ones make room before anyone waits
                dropOldestFinished();
            }
            if (jobs.size() >= capacity) {
                operation.cancel(false);
                throw new ApiException(ProblemType.QUEUE_FULL, "too many asynchronous jobs (" + capacity
                        + "); poll or wait for finished ones to expire", moduleId, null);
            }
            entry = new Entry(UUID.randomUUID().toString(), kind, moduleId, clock.instant());
            jobs.put(entry.id, entry);
        }
        operation.whenComplete((value, failure) -> {
            if (failure == null) {
                try {
                    entry.result = toBody.apply(value);
                } catch (RuntimeException e) {
                    entry.problem = problemOf(e, path);
                }
            } else {
                entry.problem = problemOf(failure, path);
            }
            entry.finishedAt = clock.instant();
        });
        return entry.dto();
    }

    private static ProblemDetail problemOf(Throwable failure, String path) {
        Problems.Mapped mapped = Problems.map(failure);
        ProblemDetail problem = mapped != null ? mapped.problem()
                : Problems.problem(ProblemType.INTERNAL_ERROR, "unexpected failure", null, null);
        problem.setInstance(java.net.URI.create(path));
        return problem;
    }

    public synchronized JobDto get(String id) {
        evict();
        Entry entry = jobs.get(id);
        if (entry == null) {
            throw new ApiException(ProblemType.UNKNOWN_JOB, "no job '" + io.mipgate.domain.Printable.escape(id, 64) + "' (finished jobs are kept "
                    + retention.toMinutes() + " min, the newest " + capacity + " at most)");
        }
        return entry.dto();
    }

    private void dropOldestFinished() {
        for (Iterator<Entry> it = jobs.values().iterator(); it.hasNext(); ) {
            if (it.next().finishedAt != null) {
                it.remove();
                return;
            }
        }
    }

    private void evict() {
        Instant cutoff = clock.instant().minus(retention);
        for (Iterator<Entry> it = jobs.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.finishedAt != null && entry.finishedAt.isBefore(cutoff)) {
                it.remove();
            }
        }
    }
}
