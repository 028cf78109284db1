package io.mipgate.emulator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The host-side network services the virtual module borrows for AT+MDNSGIP, AT+MPING and AT+MNTP (and for host names
 * in AT+MIPOPEN). Kept small so that the dnsjava/commons-net services of {@code io.mipgate.emulator.net} or a test
 * fake can be plugged in.
 */
public interface HostNetwork {

    Resolution resolve(String host, DnsQuery query);

    PingOutcome ping(InetAddress target, int payloadSize, Duration timeout);

    NtpOutcome ntp(InetAddress server, int port, Duration timeout);

    /**
     * One lookup as the module's AT+MDNSCFG settings describe it.
     *
     * @param ipv4Servers  servers asked for A records, in order
     * @param ipv6Servers  servers asked for AAAA records, in order
     * @param ipv6First    {@code <priority>} 1
     * @param bothFamilies Cat.1 lists IPv4 and IPv6 together; NB only the first family that answered
     */
    record DnsQuery(List<InetSocketAddress> ipv4Servers, List<InetSocketAddress> ipv6Servers, boolean ipv6First,
                    Duration timeout, int attempts, boolean bothFamilies) {
    }

    sealed interface Resolution {
        record Resolved(List<InetAddress> addresses) implements Resolution {
        }

        record Failed(String reason) implements Resolution {
        }

        record TimedOut() implements Resolution {
        }
    }

    sealed interface PingOutcome {
        record Reply(long rttMillis, int ttl) implements PingOutcome {
        }

        record Timeout() implements PingOutcome {
        }

        record Error(String reason) implements PingOutcome {
        }
    }

    sealed interface NtpOutcome {
        record Synced(Instant time) implements NtpOutcome {
        }

        record TimedOut() implements NtpOutcome {
        }

        record Failed(String reason) implements NtpOutcome {
        }
    }
}
