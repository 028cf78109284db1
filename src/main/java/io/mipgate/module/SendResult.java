package io.mipgate.module;

import io.mipgate.domain.SendFormat;

/**
 * What a send achieved.
 *
 * @param accepted           bytes the module accepted into its stack ({@code +MIPSEND: <id>,<len>}, summed over chunks)
 * @param chunks             AT+MIPSEND commands used
 * @param acked              with waitForAck: whether the peer acknowledged them all in time (AT+MIPSACK); null otherwise
 * @param lastSack           the last ACK sample taken while waiting, or null
 * @param encodingSwitchedTo the inline send format the connect_id had to be switched to for this payload (its receive
 *                           format is kept), or null when the configured encoding was used as it was
 */
public record SendResult(long accepted, int chunks, Boolean acked, SackSample lastSack, SendFormat encodingSwitchedTo) {

    public SendResult(long accepted, int chunks, Boolean acked, SackSample lastSack) {
        this(accepted, chunks, acked, lastSack, null);
    }
}
