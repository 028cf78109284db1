package io.mipgate.module;

import java.time.Instant;

/**
 * The last {@code +MIPURC: "seq",<id>,<seq>,<result>} of a connection: whether the UDP datagram sent with that
 * sequence number reached the base station: result 0 success, 1 failure (AT-REFERENCE §2.14.2).
 */
public record SeqOutcome(int seq, int result, Instant at) {

    public boolean delivered() {
        return result == 0;
    }
}
