package io.mipgate.api.dto;

import io.mipgate.module.job.JobView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One job of a module's worker: queued, running or recently finished. */
@Schema(name = "ModuleJob")
public record ModuleJobDto(
        @Schema(example = "42") long id,
        @Schema(description = "the AT command or operation, never its payload", example = "AT+MIPSEND") String command,
        @Schema(allowableValues = {"CONTROL", "USER"}) String priority,
        @Schema(allowableValues = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"}) String state,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "why a FAILED job failed") String error) {

    public static ModuleJobDto of(JobView job) {
        return new ModuleJobDto(job.id(), job.command(), job.priority().name(), job.state(), job.queuedAt(),
                job.startedAt(), job.finishedAt(), job.error());
    }
}
