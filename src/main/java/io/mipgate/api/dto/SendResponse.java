package io.mipgate.api.dto;

import io.mipgate.module.SendResult;
import io.swagger.v3.oas.annotations.media.Schema;

/** What a send achieved. */
@Schema(name = "SendResponse")
public record SendResponse(
        @Schema(example = "5", description = "bytes the module accepted") long accepted,
        @Schema(example = "1", description = "AT+MIPSEND commands used") int chunks,
        @Schema(description = "with waitForAck: whether the peer acknowledged everything in time") Boolean acked,
        SackDto lastSack) {

    public static SendResponse of(SendResult r) {
        return new SendResponse(r.accepted(), r.chunks(), r.acked(), SackDto.of(r.lastSack()));
    }
}
