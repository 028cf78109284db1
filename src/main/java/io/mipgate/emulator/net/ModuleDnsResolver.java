package io.mipgate.emulator.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Resolves names the way a OneMO module does (AT+MDNSCFG / AT+MDNSGIP, sections 2.10–2.11), with real DNS queries
 * from the host through dnsjava.
 *
 * <p>Order: the preferred family's record type (A for IPv4 first, AAAA for IPv6 first) is asked of address1, then
 * address2 ("in turn", AT-REFERENCE 2.10); then the other family's type likewise. A request that times out or cannot
 * be delivered is repeated at the next server, up to {@code retries} rounds; a definitive answer (NXDOMAIN, no
 * records, SERVFAIL) takes that server out of the family's rounds. NB shape stops at the first family that yields
 * addresses; Cat.1 shape asks both families and lists them together. At most {@value #MAX_ADDRESSES} addresses are
 * returned.
 *
 * <p>A whole lookup is bounded by the module's stated DNS timeout, {@code <time>} per request times {@code <retries>}
 * requests ({@link DnsSettings#lookupTimeout()}): the manual states no more than that, so a failure is answered
 * within it (plus a scheduling margin) however many servers stay silent; a request started near the end waits only
 * for what is left.
 *
 * <p>One instance is one module's resolver: it owns that module's cache (positive answers only, one entry per name
 * and record type, each living {@code cached_period} seconds from when it was stored). Thread-safe.
 */
public final class ModuleDnsResolver {

    public static final int MAX_ADDRESSES = 4;
    /** The longest name AT+MDNSGIP accepts. */
    public static final int MAX_NAME_BYTES = 255;

    private static final Logger log = LoggerFactory.getLogger(ModuleDnsResolver.class);
    /** Extra wait on top of dnsjava's own timeout before we give up on its future; keeps every call bounded. */
    private static final Duration FUTURE_GRACE = Duration.ofMillis(500);

    private final Clock clock;
    private final Map<CacheKey, CacheEntry> cache = new ConcurrentHashMap<>();

    public ModuleDnsResolver() {
        this(Clock.systemUTC());
    }

    /** @param clock decides cache expiry; tests pass a mutable clock */
    public ModuleDnsResolver(Clock clock) {
        this.clock = clock;
    }

    public DnsResult resolve(String host, DnsSettings settings) {
        if (host == null || host.isBlank()) {
            return new DnsResult.Failed("empty host name");
        }
        if (host.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return new DnsResult.Failed("host name longer than " + MAX_NAME_BYTES + " bytes");
        }
        InetAddress literal = ipLiteral(host);
        if (literal != null) {
            return new DnsResult.Resolved(List.of(literal));
        }
        Name name;
        try {
            name = Name.fromString(host, Name.root);
        } catch (TextParseException e) {
            return new DnsResult.Failed("invalid host name: " + e.getMessage());
        }

        IpFamily preferred = settings.preferredFamily();
        List<IpFamily> order = List.of(preferred, preferred.other());
        List<InetAddress> found = new ArrayList<>();
        Tally tally = new Tally(System.nanoTime() + settings.lookupTimeout().toNanos());
        for (IpFamily family : order) {
            List<InetAddress> addresses = lookup(name, family, settings, tally);
            found.addAll(addresses);
            if (!addresses.isEmpty() && settings.shape() == DnsSettings.ResultShape.PREFERRED_FAMILY_ONLY) {
                break;
            }
        }
        if (!found.isEmpty()) {
            return new DnsResult.Resolved(found.subList(0, Math.min(MAX_ADDRESSES, found.size())));
        }
        if (tally.requests > 0 && tally.requests == tally.timeouts) {
            return new DnsResult.TimedOut(tally.requests);
        }
        return new DnsResult.Failed(tally.lastFailure == null ? "no DNS server configured" : tally.lastFailure);
    }

    /** Drops every cached answer (a module reboot or AT+MDNSCFG="cached" change). */
    public void clearCache() {
        cache.clear();
    }

    private List<InetAddress> lookup(Name name, IpFamily family, DnsSettings settings, Tally tally) {
        CacheKey key = new CacheKey(name.toString().toLowerCase(Locale.ROOT), family);
        if (settings.cacheEnabled()) {
            CacheEntry hit = cache.get(key);
            if (hit != null && clock.instant().isBefore(hit.expires())) {
                log.debug("DNS cache hit {} {}", key.name(), family);
                return hit.addresses();
            }
        }
        List<InetAddress> servers = settings.serversFor(family);
        Set<InetAddress> answered = new HashSet<>();
        for (int round = 1; round <= settings.retries() && answered.size() < servers.size(); round++) {
            for (InetAddress server : servers) {
                if (answered.contains(server)) {
                    continue; // the server has spoken; repeating the question will not change its answer
                }
                Duration left = tally.timeLeft();
                if (left.isZero()) {
                    return List.of();
                }
                Answer answer = query(name, family, server, min(settings.timeout(), left), settings.port(), tally);
                if (answer instanceof Answer.Addresses(List<InetAddress> addresses)) {
                    if (settings.cacheEnabled()) {
                        Instant expires = clock.instant().plusSeconds(settings.cachePeriodSeconds());
                        cache.put(key, new CacheEntry(addresses, expires));
                    }
                    return addresses;
                }
                if (answer instanceof Answer.Negative) {
                    answered.add(server);
                }
            }
        }
        return List.of();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Answer query(Name name, IpFamily family, InetAddress server, Duration wait, int port, Tally tally) {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(server, port));
        resolver.setTimeout(wait);
        Message request = Message.newQuery(Record.newRecord(name, family.recordType(), DClass.IN));
        tally.requests++;
        try {
            Message response = resolver.sendAsync(request).toCompletableFuture()
                    .get(wait.plus(FUTURE_GRACE).toMillis(), TimeUnit.MILLISECONDS);
            return interpret(response, family, server, tally);
        } catch (TimeoutException e) {
            return timedOut(name, family, server, tally);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
                return timedOut(name, family, server, tally);
            }
            tally.lastFailure = "server " + server.getHostAddress() + " unreachable: " + cause;
            log.debug("DNS {} {} via {}: {}", name, family, server, cause.toString());
            return new Answer.Unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.lastFailure = "interrupted";
            return new Answer.Unreachable();
        }
    }

    private static Answer timedOut(Name name, IpFamily family, InetAddress server, Tally tally) {
        tally.timeouts++;
        log.debug("DNS {} {} via {}: timed out", name, family, server);
        return new Answer.Unreachable();
    }

    private static Answer interpret(Message response, IpFamily family, InetAddress server, Tally tally) {
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR) {
            tally.lastFailure = Rcode.string(rcode) + " from " + server.getHostAddress();
            return new Answer.Negative();
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (Record record : response.getSection(Section.ANSWER)) {
            if (record instanceof ARecord a && family == IpFamily.IPV4) {
                addresses.add(a.getAddress());
            } else if (record instanceof AAAARecord aaaa && family == IpFamily.IPV6) {
                addresses.add(aaaa.getAddress());
            }
        }
        if (addresses.isEmpty()) {
            tally.lastFailure = "no " + Type.string(family.recordType()) + " records from " + server.getHostAddress();
            return new Answer.Negative();
        }
        return new Answer.Addresses(List.copyOf(addresses));
    }

    /** The literal as an address, or null when {@code host} is not an IPv4/IPv6 literal. Never queries. */
    static InetAddress ipLiteral(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (int family : new int[] {Address.IPv4, Address.IPv6}) {
            byte[] bytes = Address.toByteArray(bare, family);
            if (bytes != null) {
                try {
                    return InetAddress.getByAddress(bytes);
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e); // cannot happen for 4 or 16 bytes
                }
            }
        }
        return null;
    }

    private sealed interface Answer {
        record Addresses(List<InetAddress> addresses) implements Answer {}

        record Negative() implements Answer {}

        record Unreachable() implements Answer {}
    }

    private record CacheKey(String name, IpFamily family) {}

    private record CacheEntry(List<InetAddress> addresses, Instant expires) {}

    /** Per-call bookkeeping: the lookup's deadline, and what decides between "failed" and "timed out". */
    private static final class Tally {
        final long deadlineNanos;
        int requests;
        int timeouts;
        String lastFailure;

        Tally(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        Duration timeLeft() {
            return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
        }
    }
}
