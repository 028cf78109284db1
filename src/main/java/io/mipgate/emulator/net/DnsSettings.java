package io.mipgate.emulator.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything AT+MDNSCFG configures, plus the two things the host needs that the module does not expose: the DNS port
 * (tests point it at a loopback server) and the result shape (NB vs Cat.1, AT+MDNSGIP section 2.11).
 *
 * @param ipv4Servers        {@code "ip"} address1[, address2] — at most two, tried in order
 * @param ipv6Servers        {@code "ipv6"} address1[, address2] — at most two, tried in order
 * @param preferredFamily    {@code <priority>}: IPv4 first (0) or IPv6 first (1)
 * @param timeoutSeconds     {@code <time>} 1–60: wait per request
 * @param retries            {@code <retries>} 1–9: maximum requests per server
 * @param cacheEnabled       {@code <cached_mode>}: 0 → true (use the cache), 1 → false
 * @param cachePeriodSeconds {@code <cached_period>} 1–65535: lifetime of each cached result
 * @param port               DNS server port, 53 unless overridden
 * @param shape              which addresses a successful resolution lists
 */
public record DnsSettings(
        List<InetAddress> ipv4Servers,
        List<InetAddress> ipv6Servers,
        IpFamily preferredFamily,
        int timeoutSeconds,
        int retries,
        boolean cacheEnabled,
        int cachePeriodSeconds,
        int port,
        ResultShape shape) {

    public static final int DEFAULT_PORT = 53;

    /** What AT+MDNSGIP lists on success. */
    public enum ResultShape {
        /** NB series: only the addresses of the family whose lookup succeeded first (the preferred one if it can). */
        PREFERRED_FAMILY_ONLY,
        /** Cat.1 ("4G") series: IPv4 and IPv6 addresses in one list, preferred family first. */
        BOTH_FAMILIES
    }

    public DnsSettings {
        ipv4Servers = List.copyOf(ipv4Servers);
        ipv6Servers = List.copyOf(ipv6Servers);
        Objects.requireNonNull(preferredFamily, "preferredFamily");
        Objects.requireNonNull(shape, "shape");
        checkServers(ipv4Servers, IpFamily.IPV4);
        checkServers(ipv6Servers, IpFamily.IPV6);
        checkRange("timeout", timeoutSeconds, 1, 60);
        checkRange("retries", retries, 1, 9);
        checkRange("cached_period", cachePeriodSeconds, 1, 65535);
        checkRange("port", port, 1, 65535);
    }

    /** NB-series power-on defaults (section 2.10.2): IPv6 first, 30 s, 3 requests, cache on for 3600 s. */
    public static DnsSettings nbDefaults() {
        return new DnsSettings(
                List.of(literal("119.29.29.29"), literal("114.114.114.114")),
                List.of(literal("2400:3200::1"), literal("2001:4860:4860::8888")),
                IpFamily.IPV6, 30, 3, true, 3600, DEFAULT_PORT, ResultShape.PREFERRED_FAMILY_ONLY);
    }

    /** Cat.1 defaults: as NB but a 10 s request timeout and both families listed. */
    public static DnsSettings cat1Defaults() {
        return nbDefaults().withTimeout(10, 3).withShape(ResultShape.BOTH_FAMILIES);
    }

    /** Convenience for loopback tests: one IPv4 server on {@code port}, IPv4 first, 1 s × 1, no cache, NB shape. */
    public static DnsSettings loopback(InetAddress server, int port) {
        return new DnsSettings(List.of(server), List.of(), IpFamily.IPV4, 1, 1, false, 3600, port,
                ResultShape.PREFERRED_FAMILY_ONLY);
    }

    public DnsSettings withIpv4Servers(InetAddress... servers) {
        return new DnsSettings(List.of(servers), ipv6Servers, preferredFamily, timeoutSeconds, retries, cacheEnabled,
                cachePeriodSeconds, port, shape);
    }

    public DnsSettings withIpv6Servers(InetAddress... servers) {
        return new DnsSettings(ipv4Servers, List.of(servers), preferredFamily, timeoutSeconds, retries, cacheEnabled,
                cachePeriodSeconds, port, shape);
    }

    public DnsSettings withPreferredFamily(IpFamily family) {
        return new DnsSettings(ipv4Servers, ipv6Servers, family, timeoutSeconds, retries, cacheEnabled,
                cachePeriodSeconds, port, shape);
    }

    public DnsSettings withTimeout(int seconds, int maxRequests) {
        return new DnsSettings(ipv4Servers, ipv6Servers, preferredFamily, seconds, maxRequests, cacheEnabled,
                cachePeriodSeconds, port, shape);
    }

    public DnsSettings withCache(boolean enabled, int periodSeconds) {
        return new DnsSettings(ipv4Servers, ipv6Servers, preferredFamily, timeoutSeconds, retries, enabled,
                periodSeconds, port, shape);
    }

    public DnsSettings withPort(int dnsPort) {
        return new DnsSettings(ipv4Servers, ipv6Servers, preferredFamily, timeoutSeconds, retries, cacheEnabled,
                cachePeriodSeconds, dnsPort, shape);
    }

    public DnsSettings withShape(ResultShape resultShape) {
        return new DnsSettings(ipv4Servers, ipv6Servers, preferredFamily, timeoutSeconds, retries, cacheEnabled,
                cachePeriodSeconds, port, resultShape);
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /**
     * Servers asked for {@code family}'s record type. The module reaches its {@code "ipv6"} servers over IPv6; a host
     * without IPv6 servers configured asks the other list instead, so an IPv6-first lookup still works on an
     * IPv4-only host (and vice versa).
     */
    public List<InetAddress> serversFor(IpFamily family) {
        List<InetAddress> own = family == IpFamily.IPV4 ? ipv4Servers : ipv6Servers;
        return own.isEmpty() ? (family == IpFamily.IPV4 ? ipv6Servers : ipv4Servers) : own;
    }

    /**
     * The module's stated DNS timeout: {@code <time>} per request times {@code <retries>} requests (AT+MDNSCFG
     * "timeout", AT-REFERENCE 2.10.2), the longest a lookup may take before AT+MDNSGIP reports its failure.
     */
    public Duration lookupTimeout() {
        return timeout().multipliedBy(retries);
    }

    private static void checkServers(List<InetAddress> servers, IpFamily family) {
        if (servers.size() > 2) {
            throw new IllegalArgumentException(family + " servers: at most address1 and address2, got " + servers);
        }
        for (InetAddress server : servers) {
            if (!family.contains(server)) {
                throw new IllegalArgumentException(family + " server list holds " + server.getHostAddress());
            }
        }
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + "~" + max + ": " + value);
        }
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
