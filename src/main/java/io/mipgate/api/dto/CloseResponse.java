package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

/** The result of AT+MIPCLOSE. */
@Schema(name = "CloseResponse")
public record CloseResponse(
        @Schema(description = "<ret_code> of +MIPCLOSE where the model reports one") Integer retCode,
        ConnectionDto connection) {
}
