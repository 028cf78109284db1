package io.mipgate.api.dto;

import io.mipgate.module.SendResult;
import io.swagger.v3.oas.annotations.media.Schema;

/** What a send achieved. */
@Schema(name = "SendResponse")
public record SendResponse(
        @Schema(example = "5", description = "bytes the module accepted") long accepted,
        @Schema(example = "1", description = "AT+MIPSEND commands used") int chunks,
        @Schema(description = "with waitForAck: whether the peer acknowledged everything in time") Boolean acked,
        SackDto lastSack,
        @Schema(description = "the inline send format the connect_id was switched to for this payload (its receive "
                + "format is kept); absent when the configured encoding carried it", example = "hex")
        String encodingSwitchedTo) {

    public static SendResponse of(SendResult r) {
        return new SendResponse(r.accepted(), r.chunks(), r.acked(), SackDto.of(r.lastSack()),
                r.encodingSwitchedTo() == null ? null : r.encodingSwitchedTo().name().toLowerCase(java.util.Locale.ROOT));
    }
}
