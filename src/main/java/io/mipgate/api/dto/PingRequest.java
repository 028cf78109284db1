package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** AT+MPING. */
@Schema(name = "PingRequest")
public record PingRequest(
        @NotNull @Size(min = 1, max = Wire.HOST_MAX) @Pattern(regexp = Wire.HOST, message = Wire.HOST_MESSAGE)
        @Schema(example = "127.0.0.1") String host,
        @Min(1) @Max(60) @Schema(example = "5", description = "seconds per echo (default 10)") Integer timeoutSeconds,
        @Min(1) @Max(65535) @Schema(example = "2", description = "echo requests (default 4)") Integer count,
        @Min(1) @Max(1400) @Schema(example = "32", description = "payload bytes (default 16)") Integer size,
        @Min(1) @Max(15) @Schema(description = "PDP context, where the model accepts it") Integer cid) {
}
