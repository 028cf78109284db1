package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** AT+MIPMODE. */
@Schema(name = "ModeRequest")
public record ModeRequest(@NotNull @Schema(example = "streamBuffer") ApiAccessMode accessMode) {
}
