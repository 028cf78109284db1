package io.mipgate.emulator.net;

import java.net.InetAddress;
import java.util.List;

/**
 * Outcome of one module-style name resolution. The two failure kinds map onto the module's result codes
 * (AT+MPING {@code <result>} 1 "DNS resolution failed" vs 2 "DNS resolution timeout"; AT+MNTP reports both as 1).
 */
public sealed interface DnsResult {

    /** At least one and at most {@link ModuleDnsResolver#MAX_ADDRESSES} addresses, preferred family first. */
    record Resolved(List<InetAddress> addresses) implements DnsResult {
        public Resolved {
            addresses = List.copyOf(addresses);
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("a resolution result needs at least one address");
            }
        }

        public InetAddress first() {
            return addresses.getFirst();
        }
    }

    /** A server answered negatively (NXDOMAIN, no records, SERVFAIL, …), was unreachable, or the name is invalid. */
    record Failed(String reason) implements DnsResult {}

    /** Every request to every server went unanswered within the configured timeout. */
    record TimedOut(int requestsSent) implements DnsResult {}

    default boolean isResolved() {
        return this instanceof Resolved;
    }
}
