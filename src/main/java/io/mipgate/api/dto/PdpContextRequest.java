package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A PDP context definition for AT+CGDCONT; an empty APN lets the network choose. */
@Schema(name = "PdpContextRequest")
public record PdpContextRequest(
        @NotNull @Pattern(regexp = "(?i)IP|IPV6|IPV4V6", message = "IP, IPV6 or IPV4V6")
        @Schema(example = "IPV4V6") String pdpType,
        @NotNull @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9.-]*", message = "letters, digits, '.' and '-'")
        @Schema(example = "CMIOT") String apn) {
}
