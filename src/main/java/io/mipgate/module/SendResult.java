package io.mipgate.module;

/**
 * What a send achieved.
 *
 * @param accepted   bytes the module accepted into its stack ({@code +MIPSEND: <id>,<len>}, summed over chunks)
 * @param chunks     AT+MIPSEND commands used
 * @param acked      with waitForAck: whether the peer acknowledged them all in time (AT+MIPSACK); null otherwise
 * @param lastSack   the last ACK sample taken while waiting, or null
 */
public record SendResult(long accepted, int chunks, Boolean acked, SackSample lastSack) {
}
