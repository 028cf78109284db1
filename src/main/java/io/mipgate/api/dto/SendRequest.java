package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A send as JSON; the same options are query parameters for {@code application/octet-stream} bodies. */
@Schema(name = "SendRequest")
public record SendRequest(
        @NotNull @Schema(example = "hello") String data,
        @Schema(example = "utf8", description = "how data is written (default utf8)") Encoding encoding,
        @Schema(description = "TCP: wait until AT+MIPSACK shows every byte acknowledged", example = "false")
        Boolean waitForAck,
        @Min(100) @Max(120_000) @Schema(example = "10000", description = "waitForAck deadline (default 10000)")
        Integer ackTimeoutMs,
        @Min(0) @Max(2) @Schema(description = "UDP release assistance indication, where the model has it") Integer rai,
        @Min(1) @Max(255) @Schema(description = "UDP air-interface sequence number, where the model has it") Integer seq) {

    /** How {@code data} encodes the bytes. */
    public enum Encoding { utf8, base64, hex }
}
