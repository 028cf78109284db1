package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.springframework.http.ProblemDetail;

/** An asynchronous operation started with {@code ?async=true}. */
@Schema(name = "Job")
public record JobDto(
        @Schema(example = "5f0c6f7e-3d7c-4a53-9a57-0b8c1f7e2a11") String id,
        @Schema(example = "open", allowableValues = {"open", "ping", "dns", "ntp"}) String kind,
        @Schema(example = "emu-ml307r") String moduleId,
        @Schema(example = "SUCCEEDED", allowableValues = {"PENDING", "SUCCEEDED", "FAILED"}) String status,
        Instant createdAt,
        Instant finishedAt,
        @Schema(description = "the operation's answer when SUCCEEDED (same body as the synchronous call)")
        Object result,
        @Schema(description = "the RFC 9457 problem when FAILED") ProblemDetail problem) {
}
