package io.mipgate.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.testsupport.RequiredFacility;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PingServiceTest {

    private static final PingService DETECTED = PingService.detect();

    @Test
    void reportsTheActiveMethod() {
        assertThat(DETECTED.method()).isNotNull();
        assertThat(DETECTED.method(IpFamily.IPV6)).isNotNull();
        // as root in this sandbox raw ICMP sockets are allowed; anywhere else any method is acceptable
        if (IcmpPinger.probe(IpFamily.IPV4) != null) {
            assertThat(DETECTED.method()).isIn(PingMethod.ICMP_RAW, PingMethod.ICMP_DATAGRAM);
        }
    }

    @Test
    void loopbackAnswersWithRttAndTtl() {
        PingResult result = DETECTED.ping(ip("127.0.0.1"), 2000, 16);

        assertThat(result).isInstanceOfSatisfying(PingResult.Reply.class, reply -> {
            assertThat(reply.from()).isEqualTo(ip("127.0.0.1"));
            assertThat(reply.rttMillis()).isGreaterThanOrEqualTo(0);
            assertThat(reply.ttl()).isBetween(1, 255);
            assertThat(reply.packetLen()).isEqualTo(16);
            assertThat(reply.method()).isEqualTo(DETECTED.method());
        });
    }

    @Test
    void ipv6LoopbackAnswers() {
        PingResult result = DETECTED.ping(ip("::1"), 2000, 16);

        assertThat(result).isInstanceOfSatisfying(PingResult.Reply.class,
                reply -> assertThat(reply.ttl()).isBetween(1, 255));
    }

    @Test
    void packetLengthIsHonouredByIcmp() {
        RequiredFacility.require(DETECTED.method() != PingMethod.TCP_CONNECT,
                "ICMP echo sockets are unavailable (raw needs CAP_NET_RAW, datagram net.ipv4.ping_group_range)");

        for (int len : new int[] {1, 16, 1400, 1473}) {
            assertThat(DETECTED.ping(ip("127.0.0.1"), 2000, len))
                    .isInstanceOfSatisfying(PingResult.Reply.class, r -> assertThat(r.packetLen()).isEqualTo(len));
        }
    }

    @Test
    void echoRequestCarriesPayloadAndAValidChecksum() {
        byte[] packet = IcmpPinger.echoRequest(false, 0x1234, 0xBEEF, 1400);

        assertThat(packet).hasSize(8 + 1400);
        assertThat(packet[0]).isEqualTo((byte) 8);
        assertThat(IcmpPinger.checksum(packet)).isZero(); // a correct checksum sums to zero
        assertThat(packet[4]).isEqualTo((byte) 0x12);
        assertThat(packet[7]).isEqualTo((byte) 0xEF);
    }

    @Test
    void concurrentPingsEachGetTheirOwnReply() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Callable<PingResult>> calls = IntStream.range(0, 32)
                    .<Callable<PingResult>>mapToObj(i -> () -> DETECTED.ping(ip("127.0.0.1"), 2000, 8 + i))
                    .toList();
            List<Future<PingResult>> futures = pool.invokeAll(calls);
            for (int i = 0; i < futures.size(); i++) {
                int expectedLen = 8 + i;
                assertThat(futures.get(i).get()).isInstanceOfSatisfying(PingResult.Reply.class,
                        r -> assertThat(r.packetLen()).isEqualTo(expectedLen));
            }
        }
    }

    @Test
    void tcpFallbackCountsARefusalAsAReply() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, ip("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }
        PingService fallback = PingService.tcpConnect(closedPort);

        assertThat(fallback.method()).isEqualTo(PingMethod.TCP_CONNECT);
        assertThat(fallback.ping(ip("127.0.0.1"), 2000, 16)).isInstanceOfSatisfying(PingResult.Reply.class, r -> {
            assertThat(r.ttl()).isEqualTo(TcpConnectPinger.REPORTED_TTL);
            assertThat(r.rttMillis()).isGreaterThanOrEqualTo(0);
        });
    }

    @Test
    void tcpFallbackToAnOpenPortIsAReply() throws Exception {
        try (ServerSocket open = new ServerSocket(0, 1, ip("127.0.0.1"))) {
            assertThat(PingService.tcpConnect(open.getLocalPort()).ping(ip("127.0.0.1"), 2000, 16))
                    .isInstanceOf(PingResult.Reply.class);
        }
    }

    @Test
    void tcpFallbackToASilentDestinationTimesOut() throws Exception {
        // Outbound TCP to foreign addresses may be intercepted by a transparent proxy (it is in this sandbox), so the
        // silent peer is a loopback listener whose accept queue is full: Linux then drops further SYNs unanswered.
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket neverAccepts = new ServerSocket(0, 1, ip("127.0.0.1"))) {
            InetSocketAddress target = new InetSocketAddress(ip("127.0.0.1"), neverAccepts.getLocalPort());
            for (int i = 0; i < 16; i++) {
                Socket filler = new Socket();
                fillers.add(filler);
                try {
                    filler.connect(target, 200);
                } catch (SocketTimeoutException queueFull) {
                    break;
                }
            }
            PingResult result = PingService.tcpConnect(target.getPort()).ping(ip("127.0.0.1"), 1000, 16);

            assertThat(result).isInstanceOf(PingResult.TimedOut.class);
            assertThat(result.resultCode()).isEqualTo(4);
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
