package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** AT+MIPOPEN. */
@Schema(name = "OpenConnectionRequest")
public record OpenConnectionRequest(
        @NotNull @Schema(example = "TCP", allowableValues = {"TCP", "UDP"}) Protocol protocol,
        @NotNull @Size(min = 1, max = Wire.HOST_MAX) @Pattern(regexp = Wire.HOST, message = Wire.HOST_MESSAGE)
        @Schema(example = "127.0.0.1", description = "IP literal or domain") String host,
        @NotNull @Min(1) @Max(65535) @Schema(example = "7000", description = "remote port (port 0 cannot be connected to)")
        Integer port,
        @Min(0) @Max(15) @Schema(description = "omit to let the gateway pick a free one; range per model (ML307R 0-5, MN316 0-4)",
                example = "0") Integer connectId,
        @Schema(example = "normal", description = "default normal") ApiAccessMode accessMode,
        @Min(1) @Max(180) @Schema(example = "30", description = "connect timeout in seconds (module default 60)")
        Integer timeoutSeconds,
        @Min(0) @Max(65535) @Schema(example = "0", description = "0 or omitted: automatic") Integer localPort) {

    /** {@code <proto_type>}. */
    public enum Protocol { TCP, UDP }
}
