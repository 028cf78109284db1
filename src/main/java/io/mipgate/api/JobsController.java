package io.mipgate.api;

import io.mipgate.api.dto.JobDto;
import io.mipgate.api.jobs.JobRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Status and outcome of operations started with {@code ?async=true}. */
@RestController
@Tag(name = "jobs", description = "Asynchronous operations (VIEWER)")
public class JobsController {

    private final JobRegistry jobs;

    public JobsController(JobRegistry jobs) {
        this.jobs = jobs;
    }

    @GetMapping(ApiPaths.BASE + "/jobs/{jobId}")
    @Operation(summary = "One job: PENDING, SUCCEEDED with its result, or FAILED with its problem")
    public JobDto get(@PathVariable String jobId) {
        return jobs.get(jobId);
    }
}
