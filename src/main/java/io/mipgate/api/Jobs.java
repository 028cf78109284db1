package io.mipgate.api;

import io.mipgate.api.dto.JobDto;
import java.net.URI;
import org.springframework.http.ResponseEntity;

/** The 202 answer of an operation started with {@code ?async=true}. */
final class Jobs {

    private Jobs() {
    }

    static ResponseEntity<Object> accepted(JobDto job) {
        return ResponseEntity.accepted().location(URI.create(ApiPaths.BASE + "/jobs/" + job.id())).body(job);
    }
}
