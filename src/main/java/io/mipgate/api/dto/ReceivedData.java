package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

/** Bytes taken from a connection's receive queue; each byte is delivered once. */
@Schema(name = "ReceivedData")
public record ReceivedData(
        @Schema(example = "0") int connectId,
        @Schema(example = "5") int length,
        @Schema(example = "base64") String encoding,
        @Schema(example = "aGVsbG8=") String data,
        @Schema(example = "0", description = "bytes still queued after this read") int remaining) {
}
