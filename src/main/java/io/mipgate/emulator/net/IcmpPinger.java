package io.mipgate.emulator.net;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real ICMP / ICMPv6 echo through libc sockets (JNA): builds the echo request (identifier, sequence, {@code packetLen}
 * payload bytes, checksum), waits with {@code poll} until the deadline, and reads the reply's TTL — from the IPv4
 * header on a raw IPv4 socket, otherwise from the IP_RECVTTL / IPV6_RECVHOPLIMIT control message.
 *
 * <p>Every call opens its own socket, so calls may run concurrently; a raw socket sees every ICMP packet of the host,
 * hence replies are matched on identifier and sequence. ICMP errors that quote our echo (destination unreachable,
 * time exceeded) end the wait as {@link PingResult.ReplyError} on raw sockets; datagram sockets deliver those only on
 * the error queue, which is not read, so they end as a timeout.
 */
public final class IcmpPinger implements Pinger {

    public static final int MAX_PAYLOAD = 65_000;
    private static final int ICMP_HEADER = 8;
    private static final int ECHO_REQUEST_V4 = 8;
    private static final int ECHO_REPLY_V4 = 0;
    private static final int UNREACHABLE_V4 = 3;
    private static final int TIME_EXCEEDED_V4 = 11;
    private static final int ECHO_REQUEST_V6 = 128;
    private static final int ECHO_REPLY_V6 = 129;
    private static final int UNREACHABLE_V6 = 1;
    private static final int TIME_EXCEEDED_V6 = 3;
    private static final int IPV6_HEADER = 40;

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));
    private static final int IDENTIFIER_BASE = ThreadLocalRandom.current().nextInt(0x10000);

    private final LinuxSockets libc;
    private final int socketType;

    private IcmpPinger(LinuxSockets libc, int socketType) {
        this.libc = libc;
        this.socketType = socketType;
    }

    /**
     * An ICMP pinger for {@code family} if this process may open an ICMP socket: raw first, then the unprivileged
     * datagram kind. Null when neither is allowed (or JNA cannot reach libc).
     */
    public static IcmpPinger probe(IpFamily family) {
        LinuxSockets libc = LinuxSockets.load();
        if (libc == null) {
            return null;
        }
        for (int type : new int[] {LinuxSockets.SOCK_RAW, LinuxSockets.SOCK_DGRAM}) {
            try {
                int fd = libc.socket(domain(family), type, protocol(family));
                libc.close(fd);
                return new IcmpPinger(libc, type);
            } catch (LastErrorException denied) {
                // EPERM/EACCES/EAFNOSUPPORT: try the next kind
            }
        }
        return null;
    }

    @Override
    public PingMethod method() {
        return socketType == LinuxSockets.SOCK_RAW ? PingMethod.ICMP_RAW : PingMethod.ICMP_DATAGRAM;
    }

    @Override
    public PingResult ping(InetAddress target, Duration timeout, int packetLen) {
        if (packetLen < 0 || packetLen > MAX_PAYLOAD) {
            throw new IllegalArgumentException("packetLen must be in 0~" + MAX_PAYLOAD + ": " + packetLen);
        }
        boolean v6 = target instanceof Inet6Address;
        IpFamily family = v6 ? IpFamily.IPV6 : IpFamily.IPV4;
        int fd;
        try {
            fd = libc.socket(domain(family), socketType, protocol(family));
        } catch (LastErrorException e) {
            return new PingResult.Failed("cannot open ICMP socket: errno " + e.getErrorCode());
        }
        try {
            enableTtlReport(fd, v6);
            int identifier = (IDENTIFIER_BASE + (int) Thread.currentThread().threadId()) & 0xFFFF;
            int sequence = SEQUENCE.getAndIncrement() & 0xFFFF;
            byte[] request = echoRequest(v6, identifier, sequence, packetLen);
            long deadline = System.nanoTime() + timeout.toNanos();
            long sent = System.nanoTime();
            try (Memory address = sockaddr(target)) {
                libc.sendto(fd, request, request.length, 0, address, (int) address.size());
            } catch (LastErrorException e) {
                return new PingResult.ReplyError("send failed: errno " + e.getErrorCode());
            }
            return awaitReply(fd, v6, identifier, sequence, packetLen, sent, deadline);
        } finally {
            libc.close(fd);
        }
    }

    private PingResult awaitReply(int fd, boolean v6, int identifier, int sequence, int packetLen, long sent,
            long deadline) {
        try (Memory pollFd = new Memory(8);
                Received received = new Received(packetLen + 1024)) {
            while (true) {
                long remainingMillis = Math.ceilDiv(deadline - System.nanoTime(), 1_000_000L);
                if (remainingMillis <= 0) {
                    return new PingResult.TimedOut();
                }
                pollFd.setInt(0, fd);
                pollFd.setShort(4, LinuxSockets.POLLIN);
                pollFd.setShort(6, (short) 0);
                int ready;
                try {
                    ready = libc.poll(pollFd, 1, (int) Math.min(Integer.MAX_VALUE, remainingMillis));
                } catch (LastErrorException e) {
                    continue; // EINTR
                }
                if (ready == 0) {
                    return new PingResult.TimedOut();
                }
                int length;
                try {
                    received.arm();
                    length = (int) libc.recvmsg(fd, received.header, 0);
                } catch (LastErrorException e) {
                    continue;
                }
                long arrived = System.nanoTime();
                PingResult result = match(received, length, v6, identifier, sequence, packetLen,
                        Duration.ofNanos(arrived - sent));
                if (result != null) {
                    return result;
                }
            }
        }
    }

    /** The result this packet completes, or null when it is someone else's. */
    private PingResult match(Received received, int length, boolean v6, int identifier, int sequence, int packetLen,
            Duration rtt) {
        byte[] data = received.data.getByteArray(0, length);
        int icmp = 0;
        int ttl = received.controlTtl();
        if (!v6 && socketType == LinuxSockets.SOCK_RAW) {
            if (length < 20) {
                return null;
            }
            icmp = (data[0] & 0x0F) * 4;
            ttl = data[8] & 0xFF;
        }
        if (length < icmp + ICMP_HEADER) {
            return null;
        }
        int type = data[icmp] & 0xFF;
        boolean checkIdentifier = socketType == LinuxSockets.SOCK_RAW; // the kernel owns the id on datagram sockets
        if (type == (v6 ? ECHO_REPLY_V6 : ECHO_REPLY_V4)) {
            if (matches(data, icmp + 4, identifier, sequence, checkIdentifier)) {
                return new PingResult.Reply(received.source(v6), packetLen, rtt, ttl, method());
            }
            return null;
        }
        boolean error = v6 ? type == UNREACHABLE_V6 || type == TIME_EXCEEDED_V6
                : type == UNREACHABLE_V4 || type == TIME_EXCEEDED_V4;
        if (!error) {
            return null;
        }
        int quoted = icmp + ICMP_HEADER;
        int quotedIcmp = v6 ? quoted + IPV6_HEADER : quoted + (length > quoted ? (data[quoted] & 0x0F) * 4 : 0);
        if (length >= quotedIcmp + ICMP_HEADER && matches(data, quotedIcmp + 4, identifier, sequence, checkIdentifier)) {
            String what = (v6 ? type == UNREACHABLE_V6 : type == UNREACHABLE_V4) ? "destination unreachable"
                    : "time exceeded";
            return new PingResult.ReplyError(what + " (code " + (data[icmp + 1] & 0xFF) + ") from "
                    + received.source(v6).getHostAddress());
        }
        return null;
    }

    private static boolean matches(byte[] data, int offset, int identifier, int sequence, boolean checkIdentifier) {
        int id = ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
        int seq = ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
        return seq == sequence && (!checkIdentifier || id == identifier);
    }

    private void enableTtlReport(int fd, boolean v6) {
        try (Memory on = new Memory(4)) {
            on.setInt(0, 1);
            if (v6) {
                libc.setsockopt(fd, LinuxSockets.IPPROTO_IPV6, LinuxSockets.IPV6_RECVHOPLIMIT, on, 4);
            } else if (socketType == LinuxSockets.SOCK_DGRAM) {
                libc.setsockopt(fd, LinuxSockets.IPPROTO_IP, LinuxSockets.IP_RECVTTL, on, 4);
            }
        } catch (LastErrorException e) {
            // no TTL report: the reply then carries -1
        }
    }

    /** An echo request; the checksum is ours for IPv4 and the kernel's for ICMPv6 (it covers a pseudo-header). */
    static byte[] echoRequest(boolean v6, int identifier, int sequence, int packetLen) {
        byte[] packet = new byte[ICMP_HEADER + packetLen];
        packet[0] = (byte) (v6 ? ECHO_REQUEST_V6 : ECHO_REQUEST_V4);
        packet[4] = (byte) (identifier >> 8);
        packet[5] = (byte) identifier;
        packet[6] = (byte) (sequence >> 8);
        packet[7] = (byte) sequence;
        for (int i = 0; i < packetLen; i++) {
            packet[ICMP_HEADER + i] = (byte) i;
        }
        if (!v6) {
            int sum = checksum(packet);
            packet[2] = (byte) (sum >> 8);
            packet[3] = (byte) sum;
        }
        return packet;
    }

    /** RFC 1071 internet checksum. */
    static int checksum(byte[] bytes) {
        long sum = 0;
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            sum += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
        }
        if ((bytes.length & 1) != 0) {
            sum += (bytes[bytes.length - 1] & 0xFF) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    private static Memory sockaddr(InetAddress target) {
        byte[] address = target.getAddress();
        if (target instanceof Inet6Address v6) {
            Memory sa = new Memory(28);
            sa.clear();
            sa.setShort(0, (short) LinuxSockets.AF_INET6);
            sa.write(8, address, 0, 16);
            sa.setInt(24, v6.getScopeId());
            return sa;
        }
        Memory sa = new Memory(16);
        sa.clear();
        sa.setShort(0, (short) LinuxSockets.AF_INET);
        sa.write(4, address, 0, 4);
        return sa;
    }

    private static int domain(IpFamily family) {
        return family == IpFamily.IPV6 ? LinuxSockets.AF_INET6 : LinuxSockets.AF_INET;
    }

    private static int protocol(IpFamily family) {
        return family == IpFamily.IPV6 ? LinuxSockets.IPPROTO_ICMPV6 : LinuxSockets.IPPROTO_ICMP;
    }

    /** A {@code struct msghdr} with its source address, one data buffer and a control buffer (LP64 layout). */
    private static final class Received implements AutoCloseable {
        private static final int CONTROL_SIZE = 256;
        final Memory header = new Memory(56);
        final Memory name = new Memory(128);
        final Memory iov = new Memory(16);
        final Memory data;
        final Memory control = new Memory(CONTROL_SIZE);

        Received(int capacity) {
            data = new Memory(capacity);
            iov.setPointer(0, data);
            iov.setLong(8, capacity);
        }

        /** Resets the header before each recvmsg: the kernel overwrites the name and control lengths. */
        void arm() {
            header.clear();
            header.setPointer(0, name);
            header.setInt(8, (int) name.size());
            header.setPointer(16, iov);
            header.setLong(24, 1);
            header.setPointer(32, control);
            header.setLong(40, CONTROL_SIZE);
        }

        int controlTtl() {
            long controlLength = header.getLong(40);
            int offset = 0;
            while (offset + 16 <= controlLength) {
                long cmsgLength = control.getLong(offset);
                int level = control.getInt(offset + 8);
                int type = control.getInt(offset + 12);
                if (cmsgLength < 16) {
                    break;
                }
                if ((level == LinuxSockets.IPPROTO_IP && type == LinuxSockets.IP_TTL)
                        || (level == LinuxSockets.IPPROTO_IPV6 && type == LinuxSockets.IPV6_HOPLIMIT)) {
                    return control.getInt(offset + 16);
                }
                offset += (int) ((cmsgLength + 7) & ~7L);
            }
            return -1;
        }

        InetAddress source(boolean v6) {
            try {
                byte[] bytes = v6 ? name.getByteArray(8, 16) : name.getByteArray(4, 4);
                return InetAddress.getByAddress(bytes);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            header.close();
            name.close();
            iov.close();
            data.close();
            control.close();
        }
    }
}
