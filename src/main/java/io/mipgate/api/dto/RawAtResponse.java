package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Every line of the answer and the final result as the module printed it. */
@Schema(name = "RawAtResponse")
public record RawAtResponse(@Schema(example = "AT+CSQ") String command,
                            @Schema(example = "[\"+CSQ: 24,99\"]") List<String> lines,
                            @Schema(example = "OK") String result,
                            @Schema(example = "true") boolean ok) {
}
