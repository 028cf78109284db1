package io.mipgate.api;

import io.mipgate.api.dto.JobDto;
import io.mipgate.api.dto.ModuleJobDto;
import io.mipgate.api.jobs.JobRegistry;
import io.mipgate.api.problem.ApiException;
import io.mipgate.api.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Status and outcome of operations started with {@code ?async=true}, and the AT jobs of a module's worker: listed
 * (VIEWER) and, while still queued, withdrawn (OPERATOR).
 */
@RestController
@Tag(name = "jobs", description = "Asynchronous operations and module jobs")
public class JobsController {

    private final JobRegistry jobs;
    private final ModuleAccess modules;

    public JobsController(JobRegistry jobs, ModuleAccess modules) {
        this.jobs = jobs;
        this.modules = modules;
    }

    @GetMapping(ApiPaths.BASE + "/jobs/{jobId}")
    @Operation(summary = "One job: PENDING, SUCCEEDED with its result, or FAILED with its problem")
    public JobDto get(@PathVariable String jobId) {
        return jobs.get(jobId);
    }

    @GetMapping(ApiPaths.MODULE + "/queue")
    @Operation(summary = "The module's jobs: queued and running in order of arrival, then the last 100 finished,"
            + " newest first, each with its AT command and outcome (the stored history of every AT exchange is"
            + " GET .../jobs)")
    public List<ModuleJobDto> moduleJobs(@PathVariable String moduleId) {
        return modules.client(moduleId).jobs().stream().map(ModuleJobDto::of).toList();
    }

    @DeleteMapping(ApiPaths.MODULE + "/queue/{jobId}")
    @Operation(summary = "Withdraw a queued job (OPERATOR): its caller gets a 'cancelled' problem; a job already"
            + " running or finished is a 409")
    public ModuleJobDto cancel(@PathVariable String moduleId, @PathVariable long jobId) {
        ModuleJobDto job = modules.client(moduleId).cancelJob(jobId).map(ModuleJobDto::of)
                .orElseThrow(() -> new ApiException(ProblemType.UNKNOWN_JOB, "no job " + jobId + " on module '"
                        + moduleId + "' (finished jobs are kept while they are among the last 100)", moduleId, null));
        if (!job.state().equals("CANCELLED")) {
            throw new ApiException(ProblemType.STATE_CONFLICT, "job " + jobId + " is " + job.state()
                    + ": only a queued job can be withdrawn", moduleId, null);
        }
        return job;
    }
}
