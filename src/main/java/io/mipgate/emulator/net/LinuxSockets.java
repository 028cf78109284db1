package io.mipgate.emulator.net;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/** The few libc socket calls ICMP needs, through JNA. Linux, LP64 (x86_64, aarch64) only. */
interface LinuxSockets extends Library {

    int AF_INET = 2;
    int AF_INET6 = 10;
    int SOCK_DGRAM = 2;
    int SOCK_RAW = 3;
    int IPPROTO_IP = 0;
    int IPPROTO_ICMP = 1;
    int IPPROTO_IPV6 = 41;
    int IPPROTO_ICMPV6 = 58;
    int IP_TTL = 2;
    int IP_RECVTTL = 12;
    int IPV6_RECVHOPLIMIT = 51;
    int IPV6_HOPLIMIT = 52;
    short POLLIN = 0x1;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int setsockopt(int fd, int level, int name, Pointer value, int length) throws LastErrorException;

    long sendto(int fd, byte[] buffer, long length, int flags, Pointer address, int addressLength)
            throws LastErrorException;

    long recvmsg(int fd, Pointer message, int flags) throws LastErrorException;

    int poll(Pointer fds, long count, int timeoutMillis) throws LastErrorException;

    int close(int fd);

    /** The library, or null where this mapping is not valid (not Linux, not 64-bit, JNA unavailable). */
    static LinuxSockets load() {
        try {
            if (!Platform.isLinux() || Native.LONG_SIZE != 8 || Native.POINTER_SIZE != 8) {
                return null;
            }
            return Native.load("c", LinuxSockets.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }
}
