package io.mipgate.emulator.net;

import java.net.InetAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real round trips for AT+MPING. {@link #detect()} picks, per address family, ICMP on a raw socket, else ICMP on an
 * unprivileged datagram socket, else the {@link TcpConnectPinger} fallback; {@link #method(IpFamily)} tells which.
 * Thread-safe; no call blocks longer than its timeout (plus socket set-up).
 */
public final class PingService {

    private static final Logger log = LoggerFactory.getLogger(PingService.class);

    private final Pinger ipv4;
    private final Pinger ipv6;

    public PingService(Pinger ipv4, Pinger ipv6) {
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
    }

    /** The best method this process is allowed to use, chosen once per family. */
    public static PingService detect() {
        Pinger v4 = orFallback(IcmpPinger.probe(IpFamily.IPV4));
        Pinger v6 = orFallback(IcmpPinger.probe(IpFamily.IPV6));
        log.info("ping methods: IPv4 {}, IPv6 {}", v4.method(), v6.method());
        return new PingService(v4, v6);
    }

    /** The fallback only, for both families (tests, or hosts where ICMP must not be used). */
    public static PingService tcpConnect(int port) {
        TcpConnectPinger pinger = new TcpConnectPinger(port);
        return new PingService(pinger, pinger);
    }

    public PingMethod method(IpFamily family) {
        return pinger(family).method();
    }

    /** The IPv4 method (the one AT+MPING uses for IPv4 targets, the common case). */
    public PingMethod method() {
        return method(IpFamily.IPV4);
    }

    /**
     * One echo.
     *
     * @param timeoutMs how long to wait for the reply (AT+MPING {@code <timeout>} × 1000)
     * @param packetLen payload bytes (AT+MPING {@code <packet_len>}, 1–1400); honoured by the ICMP methods only
     */
    public PingResult ping(InetAddress target, long timeoutMs, int packetLen) {
        if (timeoutMs <= 0) {
            throw new IllegalArgumentException("timeout must be positive: " + timeoutMs);
        }
        return pinger(IpFamily.of(target)).ping(target, Duration.ofMillis(timeoutMs), packetLen);
    }

    private Pinger pinger(IpFamily family) {
        return family == IpFamily.IPV6 ? ipv6 : ipv4;
    }

    private static Pinger orFallback(Pinger icmp) {
        return icmp != null ? icmp : new TcpConnectPinger();
    }
}
