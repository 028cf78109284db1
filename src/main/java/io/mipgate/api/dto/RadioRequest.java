package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Radio on (AT+CFUN=1) or off (AT+CFUN=0). */
@Schema(name = "RadioRequest")
public record RadioRequest(@NotNull @Schema(example = "false") Boolean on) {
}
