package io.mipgate.module;

import java.time.Duration;

/**
 * Options of a send.
 *
 * @param waitForAck  TCP: wait until AT+MIPSACK shows the bytes acknowledged
 * @param ackTimeout  how long to wait for that
 * @param rai         UDP release-assistance indication, where the model has it (forces an inline send)
 * @param seq         UDP air-interface echo sequence number, where the model has it (forces an inline send)
 */
public record SendOptions(boolean waitForAck, Duration ackTimeout, Integer rai, Integer seq) {

    public static final SendOptions DEFAULT = new SendOptions(false, Duration.ofSeconds(10), null, null);
}
