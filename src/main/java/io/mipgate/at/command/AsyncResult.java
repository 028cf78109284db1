package io.mipgate.at.command;

import java.time.Duration;

/**
 * A result that arrives as a URC after the command's {@code OK} (AT+MIPOPEN, AT+MIPCLOSE, AT+MDNSGIP, AT+MPING,
 * AT+MNTP, AT+MIPMODE to transparent).
 *
 * @param urcPrefix the URC that completes it, e.g. {@code +MIPOPEN} or {@code CONNECT}
 * @param deadline  how long after the {@code OK} the result may take, derived from the command's own parameters
 */
public record AsyncResult(String urcPrefix, Duration deadline) {
}
