package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One raw AT command line (ADMIN). */
@Schema(name = "RawAtRequest")
public record RawAtRequest(
        @NotNull @Size(min = 2, max = 1024) @Schema(example = "AT+CSQ",
                description = "one command: starts with AT, printable ASCII, no ';' chaining outside quotes, no +++")
        String command,
        @Min(100) @Max(300_000) @Schema(example = "5000", description = "response timeout (default 5000)")
        Integer timeoutMs) {
}
