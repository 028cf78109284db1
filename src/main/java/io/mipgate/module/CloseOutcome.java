package io.mipgate.module;

/** The result of AT+MIPCLOSE: the optional {@code <ret_code>} of +MIPCLOSE and the connection afterwards. */
public record CloseOutcome(Integer retCode, ConnectionSnapshot connection) {
}
