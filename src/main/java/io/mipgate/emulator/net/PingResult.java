package io.mipgate.emulator.net;

import java.net.InetAddress;
import java.time.Duration;

/** Outcome of one echo; maps onto AT+MPING {@code <result>} 0 (reply), 3 (reply error), 4 (timeout), 5 (other). */
public sealed interface PingResult {

    /** The module's {@code <result>} value. */
    int resultCode();

    /**
     * @param from      the replying address
     * @param packetLen payload bytes sent (and echoed)
     * @param rtt       measured round trip
     * @param ttl       TTL / hop limit of the reply
     */
    record Reply(InetAddress from, int packetLen, Duration rtt, int ttl, PingMethod method) implements PingResult {
        /** Round trip in whole milliseconds, as AT+MPING prints it. */
        public long rttMillis() {
            return rtt.toMillis();
        }

        @Override
        public int resultCode() {
            return 0;
        }
    }

    /** An ICMP error about our echo came back (destination unreachable, time exceeded) or the route is missing. */
    record ReplyError(String reason) implements PingResult {
        @Override
        public int resultCode() {
            return 3;
        }
    }

    record TimedOut() implements PingResult {
        @Override
        public int resultCode() {
            return 4;
        }
    }

    /** A local failure: socket could not be opened, address family unsupported, … */
    record Failed(String reason) implements PingResult {
        @Override
        public int resultCode() {
            return 5;
        }
    }
}
