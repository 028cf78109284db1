package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** AT+MDNSGIP. */
@Schema(name = "DnsRequest")
public record DnsRequest(
        @NotNull @Size(min = 1, max = Wire.HOST_MAX) @Pattern(regexp = Wire.HOST, message = Wire.HOST_MESSAGE)
        @Schema(example = "iot.10086.cn") String domain,
        @Min(1) @Max(15) @Schema(description = "PDP context, where the model accepts it") Integer cid) {
}
