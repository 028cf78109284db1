package io.mipgate.api.dto;

import io.mipgate.module.ReceivedWindow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Base64;

/** Received bytes of a connection, with their place in its stream (for confirmed reads). */
@Schema(name = "ReceivedData")
public record ReceivedData(
        @Schema(example = "0") int connectId,
        @Schema(example = "5") int length,
        @Schema(example = "base64") String encoding,
        @Schema(example = "aGVsbG8=") String data,
        @Schema(example = "0", description = "bytes the gateway holds after these") int remaining,
        @Schema(example = "0", description = "stream offset of the first byte: bytes of this connection before it")
        long offset,
        @Schema(example = "5", description = "offset after these bytes: the next confirmed read's from")
        long nextOffset,
        @Schema(example = "1", description = "the connection these bytes belong to (counts up with every open of "
                + "the connect_id)") long generation) {

    public static ReceivedData of(int connectId, ReceivedWindow window) {
        return new ReceivedData(connectId, window.data().length, "base64",
                Base64.getEncoder().encodeToString(window.data()), window.remaining(), window.offset(),
                window.nextOffset(), window.generation());
    }
}
