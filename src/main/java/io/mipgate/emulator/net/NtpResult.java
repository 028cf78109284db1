package io.mipgate.emulator.net;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

/** Outcome of one SNTP exchange; the variants are AT+MNTP's {@code <result>} codes 0–3. */
public sealed interface NtpResult {

    /** The module's {@code <result>} value. */
    int resultCode();

    /**
     * @param serverTime the server's transmit timestamp
     * @param offset     local clock correction (server − local), NTP's θ
     * @param delay      round-trip network delay, NTP's δ
     * @param receivedAt local time when the reply arrived
     */
    record Synced(InetAddress server, Instant serverTime, Duration offset, Duration delay, Instant receivedAt)
            implements NtpResult {
        /** Best estimate of the true time when the reply arrived: local arrival time corrected by the offset. */
        public Instant correctedTime() {
            return receivedAt.plus(offset);
        }

        @Override
        public int resultCode() {
            return 0;
        }
    }

    /** The server name could not be resolved (failed or timed out). */
    record DnsError(DnsResult dns) implements NtpResult {
        @Override
        public int resultCode() {
            return 1;
        }
    }

    record TimedOut(InetAddress server) implements NtpResult {
        @Override
        public int resultCode() {
            return 2;
        }
    }

    /** A reply came but was unusable (kiss-o'-death, unsynchronised server, wrong mode), or the send failed. */
    record SyncFailed(String reason) implements NtpResult {
        @Override
        public int resultCode() {
            return 3;
        }
    }
}
