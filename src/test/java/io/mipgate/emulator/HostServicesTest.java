package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.emulator.net.LoopbackSntpServer;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.emulator.net.UdpEchoServer;
import io.mipgate.testsupport.MutableClock;
import java.io.BufferedReader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * AT+MDNSCFG / AT+MDNSGIP, AT+MPING and AT+MNTP against real loopback servers: what the module asks is observed on the
 * servers' counters, what it answers on the wire.
 */
class HostServicesTest {

    private static final String NAME = "iot.example";

    private EmulatorHarness at;

    @AfterEach
    void tearDown() {
        if (at != null) {
            at.close();
        }
    }

    private void start(EmulatedFamily family, LoopbackDnsServer dns) {
        at = EmulatorHarness.start(EmulatorHarness.fast(family).dnsPort(dns.port()).build());
    }

    @Test
    void nbPriorityPicksTheRecordTypeAndListsOneFamily() {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.addA(NAME, "127.0.0.1").addAaaa(NAME, "2409:8060:8ea:601:0:3:3e:5464");
            start(EmulatedFamily.MN316, dns);
            at.exchange("AT+MDNSCFG=\"ip\",\"127.0.0.1\"", "OK");
            at.exchange("AT+MDNSCFG=\"priority\",0", "OK");
            at.exchange("AT+MDNSGIP=\"" + NAME + "\"", "OK", "+MDNSGIP: \"" + NAME + "\",\"127.0.0.1\"");
            assertThat(dns.queryCount(NAME, Type.A)).isEqualTo(1);
            assertThat(dns.queryCount(NAME, Type.AAAA)).isZero();
            at.exchange("AT+MDNSCFG=\"priority\",1", "OK");
            at.exchange("AT+MDNSGIP=\"" + NAME + "\"", "OK",
                    "+MDNSGIP: \"" + NAME + "\",\"2409:8060:8EA:601:0:3:3E:5464\"");
            assertThat(dns.queryCount(NAME, Type.AAAA)).isEqualTo(1);
        }
    }

    @Test
    void cat1ListsBothFamiliesAndCachesUntilReboot() {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.addA(NAME, "127.0.0.1").addAaaa(NAME, "::1");
            start(EmulatedFamily.ML307R, dns);
            at.exchange("AT+MDNSCFG=\"priority\",0", "OK");
            String answer = "+MDNSGIP: \"" + NAME + "\",\"127.0.0.1\",\"0:0:0:0:0:0:0:1\"";
            at.exchange("AT+MDNSGIP=\"" + NAME + "\"", "OK", answer);
            at.exchange("AT+MDNSGIP=\"" + NAME + "\"", "OK", answer);
            assertThat(dns.queryCount()).as("second answer from the cache (cached_mode 0)").isEqualTo(2);
            at.exchange("AT+MREBOOT", "OK", "REBOOTING", "+MATREADY");
            at.echo(true);
            at.exchange("ATE0", "OK");
            at.echo(false);
            at.exchange("AT+MDNSGIP=\"" + NAME + "\"", "OK",
                    "+MDNSGIP: \"" + NAME + "\",\"0:0:0:0:0:0:0:1\",\"127.0.0.1\""); // priority back to IPv6 first
            assertThat(dns.queryCount()).as("a Cat.1 reboot empties the cache").isEqualTo(4);
        }
    }

    @Test
    void ml307gCachesOnlyWhenAsked() {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.addA(NAME, "127.0.0.1");
            start(EmulatedFamily.ML307G, dns);
            at.exchange("AT+MDNSCFG=\"cached\"", "+MDNSCFG: \"cached\",1", "OK");
            at.exchange("AT+MDNSCFG=\"priority\",0", "OK");
            at.exchange("AT+MDNSGIP=\"" + NAME + "\"", "OK", "+MDNSGIP: \"" + NAME + "\",\"127.0.0.1\"");
            at.exchange("AT+MDNSGIP=\"" + NAME + "\"", "OK", "+MDNSGIP: \"" + NAME + "\",\"127.0.0.1\"");
            assertThat(dns.queryCount(NAME, Type.A)).as("cached_mode 1: every lookup asks").isEqualTo(2);
            at.exchange("AT+MDNSCFG=\"cached\",0", "OK");
            at.exchange("AT+MDNSGIP=\"" + NAME + "\"", "OK", "+MDNSGIP: \"" + NAME + "\",\"127.0.0.1\"");
            at.exchange("AT+MDNSGIP=\"" + NAME + "\"", "OK", "+MDNSGIP: \"" + NAME + "\",\"127.0.0.1\"");
            assertThat(dns.queryCount(NAME, Type.A)).as("cached_mode 0: the second comes from the cache").isEqualTo(3);
        }
    }

    @Test
    void timeoutAndRetriesThenTheSecondServer() throws Exception {
        InetAddress first = InetAddress.getByName("127.0.0.2");
        InetAddress second = InetAddress.getByName("127.0.0.3");
        try (LoopbackDnsServer silent = LoopbackDnsServer.start(first, 0, false).silent(true);
             LoopbackDnsServer answering = LoopbackDnsServer.start(second, silent.port(), false)
                     .addA(NAME, "127.0.0.1")) {
            start(EmulatedFamily.MN316, silent);
            at.exchange("AT+MDNSCFG=\"ip\",\"127.0.0.2\",\"127.0.0.3\"", "OK");
            at.exchange("AT+MDNSCFG=\"priority\",0", "OK");
            at.exchange("AT+MDNSCFG=\"timeout\",1,2", "OK");
            at.exchange("AT+MDNSGIP=\"" + NAME + "\"", "OK", "+MDNSGIP: \"" + NAME + "\",\"127.0.0.1\"");
            assertThat(silent.queryCount(NAME, Type.A)).as("address1 timed out once").isEqualTo(1);
            assertThat(answering.queryCount(NAME, Type.A)).as("the repeated request went to address2").isEqualTo(1);
        }
    }

    @Test
    void hostNamesInOpenPingAndNtpResolveTheSameWay() throws Exception {
        MutableClock serverTime = new MutableClock(Instant.parse("2024-05-01T04:00:00Z"));
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().addA(NAME, "127.0.0.1");
             TcpEchoServer echo = TcpEchoServer.start();
             LoopbackSntpServer ntp = LoopbackSntpServer.start(serverTime)) {
            start(EmulatedFamily.MN316, dns);
            at.exchange("AT+MDNSCFG=\"priority\",0", "OK");
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"" + NAME + "\"," + echo.port(), "OK", "+MIPOPEN: 0,0");
            at.exchange("AT+MPING=\"" + NAME + "\",5,1", "OK");
            assertThat(at.nextLine()).matches("\\+MPING: 0,\"127\\.0\\.0\\.1\",16,\\d+,\\d+");
            at.exchange("AT+MNTP=\"" + NAME + "\"," + ntp.port() + ",0,5", "OK", "+MNTP: 0,\"24/05/01,12:00:00+32\"");
            assertThat(dns.queryCount(NAME, Type.A)).as("one lookup, then the cache").isEqualTo(1);
            at.exchange("AT+MPING=\"nowhere.example\"", "OK", "+MPING: 1");
            at.exchange("AT+MNTP=\"nowhere.example\"," + ntp.port() + ",0,5", "OK", "+MNTP: 1");
            at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
        }
    }

    @Test
    void dnsTimeoutIsPingResultTwoAndABareDomain() {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().silent(true)) {
            start(EmulatedFamily.MN316, dns);
            at.exchange("AT+MDNSCFG=\"timeout\",1,1", "OK");
            at.exchange("AT+MPING=\"" + NAME + "\"", "OK", "+MPING: 2");
            at.exchange("AT+MDNSGIP=\"" + NAME + "\"", "OK", "+MDNSGIP: \"" + NAME + "\"");
            assertThat(dns.queryCount()).as("1 s × 1 request per lookup: AAAA, then no time left for A").isEqualTo(2);
        }
    }

    @Test
    void aFailedLookupIsAnsweredWithinTheStatedTimeout() throws Exception {
        InetAddress first = InetAddress.getByName("127.0.0.2");
        InetAddress second = InetAddress.getByName("127.0.0.3");
        try (LoopbackDnsServer silent = LoopbackDnsServer.start(first, 0, false).silent(true);
             LoopbackDnsServer alsoSilent = LoopbackDnsServer.start(second, silent.port(), false).silent(true)) {
            start(EmulatedFamily.MN316, silent);
            at.exchange("AT+MDNSCFG=\"ip\",\"127.0.0.2\",\"127.0.0.3\"", "OK");
            at.exchange("AT+MDNSCFG=\"timeout\",1,2", "OK");
            at.exchange("AT+MDNSCFG=\"timeout\"", "+MDNSCFG: \"timeout\",1,2", "OK");
            long started = System.nanoTime();
            at.exchange("AT+MDNSGIP=\"" + NAME + "\"", "OK", "+MDNSGIP: \"" + NAME + "\"");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                    .as("<time> 1 s × <retries> 2, not 2 servers × 2 families × 2 requests × 1 s")
                    .isLessThan(java.time.Duration.ofMillis(3500));
            assertThat(silent.queryCount() + alsoSilent.queryCount()).isEqualTo(2);
        }
    }

    @Test
    void ntpTimeoutAndUnusableReply() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start();
             LoopbackSntpServer ntp = LoopbackSntpServer.start(new MutableClock(Instant.now()))) {
            start(EmulatedFamily.ML307R, dns);
            ntp.silent(true);
            at.exchange("AT+MNTP=\"127.0.0.1\"," + ntp.port() + ",0,1", "OK", "+MNTP: 2");
            ntp.silent(false).stratum(0);
            at.exchange("AT+MNTP=\"127.0.0.1\"," + ntp.port() + ",0,1", "OK", "+MNTP: 3");
            assertThat(ntp.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void pingReportsTheRealTtlOfTheReply() throws Exception {
        int ttl;
        try (BufferedReader proc = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_default_ttl"))) {
            ttl = Integer.parseInt(proc.readLine().strip()); // what the kernel puts in the echo reply's IP header
        }
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            start(EmulatedFamily.ML307R, dns);
            at.exchange("AT+MPING=\"127.0.0.1\",5,2,64", "OK");
            for (int i = 0; i < 2; i++) {
                assertThat(at.nextLine()).matches("\\+MPING: 0,\"127\\.0\\.0\\.1\",64,\\d+," + ttl);
            }
            assertThat(at.nextLine()).matches("\\+MPING: \"statistics\",2,0,\\d+,\\d+,\\d+");
            assertThat(dns.queryCount()).as("a literal needs no lookup").isZero();
        }
    }

    @Test
    void mn319SendsAnEmptyDatagram() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start();
             UdpEchoServer echo = UdpEchoServer.start()) {
            start(EmulatedFamily.MN319, dns);
            at.exchange("AT+MIPOPEN=0,\"UDP\",\"127.0.0.1\"," + echo.port(), "OK", "+MIPOPEN: 0,0");
            at.exchange("AT+MIPSEND=0,0", "+MIPSEND: 0,0", "OK");
            org.awaitility.Awaitility.await().atMost(EmulatorHarness.WAIT).until(() -> echo.datagramsEchoed() > 0);
            assertThat(echo.datagramsEchoed()).as("the empty datagram reached the peer").isEqualTo(1);
            at.expectLine("+MIPURC: \"rudp\",0,0,"); // and its echo, as empty, came back
            at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
        }
    }
}
