package io.mipgate.emulator.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.xbill.DNS.Type;

/** An IP address family together with the DNS record type that carries its addresses. */
public enum IpFamily {
    IPV4(Type.A),
    IPV6(Type.AAAA);

    private final int recordType;

    IpFamily(int recordType) {
        this.recordType = recordType;
    }

    /** dnsjava record type: {@link Type#A} or {@link Type#AAAA}. */
    public int recordType() {
        return recordType;
    }

    public IpFamily other() {
        return this == IPV4 ? IPV6 : IPV4;
    }

    public boolean contains(InetAddress address) {
        return this == IPV4 ? address instanceof Inet4Address : address instanceof Inet6Address;
    }

    public static IpFamily of(InetAddress address) {
        return address instanceof Inet6Address ? IPV6 : IPV4;
    }

    /** The module's {@code <priority>} value: 0 = IPv4 first, 1 = IPv6 first. */
    public static IpFamily fromPriority(int priority) {
        return switch (priority) {
            case 0 -> IPV4;
            case 1 -> IPV6;
            default -> throw new IllegalArgumentException("priority must be 0 or 1: " + priority);
        };
    }

    public int toPriority() {
        return this == IPV4 ? 0 : 1;
    }
}
