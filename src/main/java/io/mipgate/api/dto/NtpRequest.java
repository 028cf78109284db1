package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** AT+MNTP; every field is optional (module defaults: ntp1.aliyun.com, 123, sync). */
@Schema(name = "NtpRequest")
public record NtpRequest(
        @Size(min = 1, max = Wire.HOST_MAX) @Pattern(regexp = Wire.HOST, message = Wire.HOST_MESSAGE)
        @Schema(example = "ntp1.aliyun.com") String server,
        @Min(1) @Max(65535) @Schema(example = "123") Integer port,
        @Schema(example = "true", description = "set the module clock") Boolean sync,
        @Min(1) @Max(300) @Schema(example = "10") Integer timeoutSeconds) {
}
