package io.mipgate.api.dto;

import io.mipgate.module.SackSample;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One AT+MIPSACK reading. */
@Schema(name = "Sack")
public record SackDto(Instant at, @Schema(example = "5") long sent, @Schema(example = "5") long acked,
                      @Schema(example = "0") long nack, @Schema(example = "5") long received) {

    public static SackDto of(SackSample s) {
        return s == null ? null : new SackDto(s.at(), s.sent(), s.acked(), s.nack(), s.received());
    }
}
