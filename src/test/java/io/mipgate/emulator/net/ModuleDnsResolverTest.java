package io.mipgate.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.net.DnsSettings.ResultShape;
import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.testsupport.MutableClock;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Type;

@Timeout(30)
class ModuleDnsResolverTest {

    private static final String HOST = "iot.10086.cn";
    private static final String V4 = "183.230.40.127";
    private static final String V6 = "2409:8060:8ea:601:0:3:3e:5464";

    private final MutableClock clock = new MutableClock(Instant.parse("2019-02-21T07:29:20Z"));
    private final ModuleDnsResolver resolver = new ModuleDnsResolver(clock);
    private LoopbackDnsServer dns;

    @BeforeEach
    void startServer() {
        dns = LoopbackDnsServer.start();
        dns.addA(HOST, V4).addAaaa(HOST, V6);
    }

    @AfterEach
    void stopServer() {
        dns.close();
    }

    private DnsSettings settings() {
        return DnsSettings.loopback(dns.address(), dns.port());
    }

    @Test
    void ipv4FirstAsksForAAndListsIpv4Only() {
        DnsResult result = resolver.resolve(HOST, settings().withPreferredFamily(IpFamily.IPV4));

        assertThat(addresses(result)).containsExactly(ip(V4));
        assertThat(dns.queryCount(HOST, Type.A)).isEqualTo(1);
        assertThat(dns.queryCount(HOST, Type.AAAA)).isZero();
    }

    @Test
    void ipv6FirstAsksForAaaaAndListsIpv6Only() {
        DnsResult result = resolver.resolve(HOST, settings().withPreferredFamily(IpFamily.IPV6));

        assertThat(addresses(result)).containsExactly(ip(V6));
        assertThat(dns.queryCount(HOST, Type.A)).isZero();
    }

    @Test
    void nbFallsBackToTheOtherFamilyWhenThePreferredHasNoRecords() {
        dns.addA("v4only.example", "10.1.2.3");

        DnsResult result = resolver.resolve("v4only.example", settings().withPreferredFamily(IpFamily.IPV6));

        assertThat(addresses(result)).containsExactly(ip("10.1.2.3"));
        assertThat(dns.queryCount("v4only.example", Type.AAAA)).isEqualTo(1);
        assertThat(dns.queryCount("v4only.example", Type.A)).isEqualTo(1);
    }

    @Test
    void cat1ListsBothFamiliesPreferredFirst() {
        DnsSettings cat1 = settings().withShape(ResultShape.BOTH_FAMILIES);

        assertThat(addresses(resolver.resolve(HOST, cat1.withPreferredFamily(IpFamily.IPV4))))
                .containsExactly(ip(V4), ip(V6));
        assertThat(addresses(resolver.resolve(HOST, cat1.withPreferredFamily(IpFamily.IPV6))))
                .containsExactly(ip(V6), ip(V4));
    }

    @Test
    void atMostFourAddresses() {
        dns.addA("many.example", "10.0.0.1", "10.0.0.2", "10.0.0.3")
                .addAaaa("many.example", "fd00::1", "fd00::2", "fd00::3");
        dns.addA("six.example", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6");

        assertThat(addresses(resolver.resolve("many.example",
                settings().withShape(ResultShape.BOTH_FAMILIES))))
                .containsExactly(ip("10.0.0.1"), ip("10.0.0.2"), ip("10.0.0.3"), ip("fd00::1"));
        assertThat(addresses(resolver.resolve("six.example", settings()))).hasSize(4);
    }

    @Test
    void unknownNameFails() {
        DnsResult result = resolver.resolve("nope.example", settings());

        assertThat(result).isInstanceOf(DnsResult.Failed.class);
        assertThat(((DnsResult.Failed) result).reason()).contains("NXDOMAIN");
        // NXDOMAIN is definitive: no retry of the same question, but the other family is still asked
        assertThat(dns.queryCount()).isEqualTo(2);
    }

    @Test
    void unreachableServerFailsRatherThanTimingOut() throws Exception {
        int closedPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        DnsResult result = resolver.resolve(HOST, settings().withPort(closedPort).withTimeout(2, 1));

        assertThat(result).isInstanceOf(DnsResult.Failed.class);
    }

    @Test
    void address2AnswersWhenAddress1IsSilent() {
        try (LoopbackDnsServer address1 = LoopbackDnsServer.start(ip("127.0.0.2"), false);
                LoopbackDnsServer address2 = LoopbackDnsServer.start(ip("127.0.0.3"), address1.port(), false)) {
            address1.silent(true);
            address2.addA(HOST, V4);
            DnsSettings twoServers = settings().withIpv4Servers(ip("127.0.0.2"), ip("127.0.0.3"))
                    .withPort(address1.port()).withTimeout(1, 2);

            DnsResult result = resolver.resolve(HOST, twoServers);

            assertThat(addresses(result)).containsExactly(ip(V4));
            assertThat(address1.queryCount(HOST, Type.A)).isEqualTo(1);
            assertThat(address2.queryCount(HOST, Type.A)).isEqualTo(1);
        }
    }

    @Test
    void allSilentTimesOutAfterOneRequestWhenTheStatedTimeoutAllowsOne() {
        dns.silent(true);
        DnsSettings oneShot = settings().withTimeout(1, 1);

        DnsResult result = resolver.resolve(HOST, oneShot);

        assertThat(result).isEqualTo(new DnsResult.TimedOut(1)); // <time> 1 s × <retries> 1: no time left for AAAA
        assertThat(dns.queryCount()).isEqualTo(1);
    }

    @Test
    void silentServersOfBothFamiliesFailWithinTimeTimesRetries() {
        try (LoopbackDnsServer address1 = LoopbackDnsServer.start(ip("127.0.0.2"), false).silent(true);
                LoopbackDnsServer address2 = LoopbackDnsServer.start(ip("127.0.0.3"), address1.port(), false)
                        .silent(true)) {
            // two servers, asked for A and AAAA, three requests each: 12 s if every request waited its full <time>
            DnsSettings stated = settings().withIpv4Servers(ip("127.0.0.2"), ip("127.0.0.3"))
                    .withPort(address1.port()).withTimeout(1, 3);
            long started = System.nanoTime();

            DnsResult result = resolver.resolve(HOST, stated);

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(result).isInstanceOf(DnsResult.TimedOut.class);
            assertThat(took).as("the module's stated DNS timeout, 1 s × 3").isBetween(Duration.ofMillis(2900),
                    stated.lookupTimeout().plusMillis(1500));
            assertThat(address1.queryCount(HOST, Type.A)).as("rounds alternate between the servers").isEqualTo(2);
            assertThat(address2.queryCount(HOST, Type.A)).isEqualTo(1);
        }
    }

    @Test
    void retriesAreCountedByTheServer() {
        dns.silent(true);

        DnsResult result = resolver.resolve(HOST, settings().withTimeout(1, 2)
                .withIpv6Servers(ip("::1")).withPort(dns.port()));

        // IPv4 first: A asked twice of the IPv4 server; AAAA goes to the (unbound) ::1 server, not to this one
        assertThat(result).isNotInstanceOf(DnsResult.Resolved.class);
        assertThat(dns.queryCount(HOST, Type.A)).isEqualTo(2);
        assertThat(dns.queryCount(HOST, Type.AAAA)).isZero();
    }

    @Test
    void cacheModeZeroAnswersFromTheCacheUntilThePeriodExpires() {
        DnsSettings cached = settings().withCache(true, 60);

        resolver.resolve(HOST, cached);
        DnsResult second = resolver.resolve(HOST, cached);

        assertThat(addresses(second)).containsExactly(ip(V4));
        assertThat(dns.queryCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(59));
        resolver.resolve(HOST, cached);
        assertThat(dns.queryCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        DnsResult afterExpiry = resolver.resolve(HOST, cached);
        assertThat(addresses(afterExpiry)).containsExactly(ip(V4));
        assertThat(dns.queryCount()).isEqualTo(2);
    }

    @Test
    void cacheModeOneAlwaysQueries() {
        DnsSettings uncached = settings().withCache(false, 60);

        resolver.resolve(HOST, uncached);
        resolver.resolve(HOST, uncached);

        assertThat(dns.queryCount()).isEqualTo(2);
    }

    @Test
    void ipLiteralsResolveToThemselvesWithoutAQuery() {
        assertThat(addresses(resolver.resolve("202.120.35.204", settings()))).containsExactly(ip("202.120.35.204"));
        assertThat(addresses(resolver.resolve("2001:DA8:8000:1::80", settings())))
                .containsExactly(ip("2001:da8:8000:1::80"));
        assertThat(dns.queryCount()).isZero();
    }

    @Test
    void ipv6ServerOnLoopbackIsUsedForAaaa() {
        try (LoopbackDnsServer v6 = LoopbackDnsServer.start(ip("::1"), true)) {
            v6.addAaaa(HOST, V6);
            DnsSettings settings = new DnsSettings(List.of(), List.of(ip("::1")), IpFamily.IPV6, 1, 1, false, 1,
                    v6.port(), ResultShape.PREFERRED_FAMILY_ONLY);

            assertThat(addresses(resolver.resolve(HOST, settings))).containsExactly(ip(V6));
            assertThat(v6.queryCount(HOST, Type.AAAA)).isEqualTo(1);
        }
    }

    @Test
    void concurrentCallsAllComplete() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Callable<DnsResult>> calls = java.util.stream.IntStream.range(0, 64)
                    .<Callable<DnsResult>>mapToObj(i -> () -> resolver.resolve(HOST, settings()))
                    .toList();
            for (Future<DnsResult> future : pool.invokeAll(calls)) {
                assertThat(addresses(future.get())).containsExactly(ip(V4));
            }
        }
        assertThat(dns.queryCount()).isEqualTo(64);
    }

    private static List<InetAddress> addresses(DnsResult result) {
        assertThat(result).isInstanceOf(DnsResult.Resolved.class);
        return ((DnsResult.Resolved) result).addresses();
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
