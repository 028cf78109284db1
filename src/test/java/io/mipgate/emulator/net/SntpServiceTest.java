package io.mipgate.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.emulator.net.LoopbackSntpServer;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SntpServiceTest {

    private static final Instant SERVER_NOW = Instant.parse("2019-02-20T23:29:20Z");
    private final HostNameResolver literalsOnly = host -> new ModuleDnsResolver().resolve(host,
            DnsSettings.loopback(InetAddress.getLoopbackAddress(), 1));

    @Test
    void returnsTheServerClock() {
        try (LoopbackSntpServer ntp = LoopbackSntpServer.start(Clock.fixed(SERVER_NOW, ZoneOffset.UTC))) {
            NtpResult result = new SntpService(literalsOnly).query("127.0.0.1", ntp.port(), Duration.ofSeconds(2));

            assertThat(result).isInstanceOf(NtpResult.Synced.class);
            NtpResult.Synced synced = (NtpResult.Synced) result;
            assertThat(synced.serverTime()).isCloseTo(SERVER_NOW, within(1, ChronoUnit.MILLIS));
            assertThat(synced.resultCode()).isZero();
            assertThat(ModuleTimeFormat.format(synced.serverTime(), ZoneId.of("Asia/Shanghai")))
                    .isEqualTo("19/02/21,07:29:20+32");
            assertThat(ntp.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void offsetIsMeasuredAgainstTheInjectedLocalClock() {
        Instant local = Instant.parse("2019-02-21T00:00:00Z");
        Clock serverClock = Clock.offset(Clock.systemUTC(), Duration.ofHours(3));
        Clock localClock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), local));
        try (LoopbackSntpServer ntp = LoopbackSntpServer.start(serverClock)) {
            NtpResult.Synced synced = (NtpResult.Synced) new SntpService(literalsOnly, localClock)
                    .query("127.0.0.1", ntp.port(), Duration.ofSeconds(2));

            Duration expected = Duration.between(localClock.instant(), serverClock.instant());
            assertThat(synced.offset().toMillis()).isCloseTo(expected.toMillis(), within(2_000L));
            assertThat(synced.delay()).isGreaterThanOrEqualTo(Duration.ZERO);
            assertThat(synced.correctedTime()).isCloseTo(serverClock.instant(), within(2, ChronoUnit.SECONDS));
        }
    }

    @Test
    void hostNamesAreResolvedThroughTheDnsSettings() {
        try (LoopbackSntpServer ntp = LoopbackSntpServer.start(Clock.fixed(SERVER_NOW, ZoneOffset.UTC));
                LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.addA("cn.ntp.org.cn", "127.0.0.1");
            DnsSettings settings = DnsSettings.loopback(dns.address(), dns.port());
            SntpService sntp = new SntpService(HostNameResolver.of(new ModuleDnsResolver(), () -> settings));

            assertThat(sntp.query("cn.ntp.org.cn", ntp.port(), Duration.ofSeconds(2)))
                    .isInstanceOf(NtpResult.Synced.class);
            assertThat(sntp.query("unknown.example", ntp.port(), Duration.ofSeconds(2)))
                    .isInstanceOfSatisfying(NtpResult.DnsError.class, e -> assertThat(e.resultCode()).isEqualTo(1));
        }
    }

    @Test
    void silentServerTimesOut() {
        try (LoopbackSntpServer ntp = LoopbackSntpServer.start(Clock.systemUTC()).silent(true)) {
            NtpResult result = new SntpService(literalsOnly).query("127.0.0.1", ntp.port(), Duration.ofSeconds(1));

            assertThat(result).isInstanceOf(NtpResult.TimedOut.class);
            assertThat(result.resultCode()).isEqualTo(2);
            assertThat(ntp.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void kissOfDeathIsASyncFailure() {
        try (LoopbackSntpServer ntp = LoopbackSntpServer.start(Clock.systemUTC()).stratum(0)) {
            NtpResult result = new SntpService(literalsOnly).query("127.0.0.1", ntp.port(), Duration.ofSeconds(2));

            assertThat(result).isInstanceOf(NtpResult.SyncFailed.class);
            assertThat(result.resultCode()).isEqualTo(3);
        }
    }
}
