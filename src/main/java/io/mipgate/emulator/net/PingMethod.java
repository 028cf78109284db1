package io.mipgate.emulator.net;

/** How {@link PingService} measures a round trip. */
public enum PingMethod {
    /** ICMP echo on a raw socket (needs root / CAP_NET_RAW); TTL read from the reply's IP header. */
    ICMP_RAW,
    /** ICMP echo on an unprivileged "ping" datagram socket ({@code net.ipv4.ping_group_range}); TTL from IP_RECVTTL. */
    ICMP_DATAGRAM,
    /**
     * No ICMP: a TCP connect to a fixed port, where both an accept and a refusal (RST) prove the path and count as the
     * reply. Payload size is not sent; TTL is reported as {@link TcpConnectPinger#REPORTED_TTL}.
     */
    TCP_CONNECT
}
