package io.mipgate.api;

import io.mipgate.api.dto.JobDto;
import io.mipgate.api.jobs.JobRegistry;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;

/** The 202 answer of an operation started with {@code ?async=true}. */
final class Jobs {

    private Jobs() {
    }

    /**
     * Starts {@code operation} as a job and answers 202, unless the module refused it before it was queued (its job
     * queue full): that refusal is the answer (429), not a failed job a pipelining client would skip past.
     */
    static <T> ResponseEntity<Object> accepted(JobRegistry jobs, String kind, String moduleId, String path,
                                               CompletableFuture<T> operation, Function<T, Object> toBody) {
        if (operation.isCompletedExceptionally()) {
            Await.result(operation);
        }
        JobDto job = jobs.start(kind, moduleId, path, operation, toBody);
        return ResponseEntity.accepted().location(URI.create(ApiPaths.BASE + "/jobs/" + job.id())).body(job);
    }
}
