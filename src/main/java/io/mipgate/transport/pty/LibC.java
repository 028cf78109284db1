package io.mipgate.transport.pty;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few libc calls a pseudo-terminal needs. Constants are the Linux generic values (x86-64, arm64, riscv64);
 * {@link PseudoTerminal#isSupported()} keeps other platforms from ever reaching them.
 */
interface LibC extends Library {

    int O_RDWR = 0x2;
    int O_NOCTTY = 0x100;
    int O_NONBLOCK = 0x800;
    int O_CLOEXEC = 0x80000;
    int F_SETFD = 2;
    int F_GETFL = 3;
    int F_SETFL = 4;
    int FD_CLOEXEC = 1;
    int TCSANOW = 0;

    short POLLIN = 0x1;
    short POLLOUT = 0x4;
    short POLLERR = 0x8;
    short POLLHUP = 0x10;
    short POLLNVAL = 0x20;

    int EINTR = 4;
    int EIO = 5;
    int EAGAIN = 11;

    /** Generous for glibc's struct termios (60 bytes on Linux); the layout is only touched by libc itself. */
    int TERMIOS_SIZE = 256;

    /**
     * {@code ioctl(TCGETS2)}: the kernel's {@code struct termios2}, whose {@code c_ospeed} holds the output rate as a
     * number (also for rates set through the older {@code TCSETS}); the request and layout are the asm-generic ones.
     */
    long TCGETS2 = 0x802C542AL;
    int TERMIOS2_SIZE = 44;
    int TERMIOS2_OSPEED_OFFSET = 40;

    int posix_openpt(int flags);

    int grantpt(int fd);

    int unlockpt(int fd);

    int ptsname_r(int fd, byte[] buffer, NativeLong length);

    int open(String path, int flags);

    int close(int fd);

    int fcntl(int fd, int cmd, int arg);

    int tcgetattr(int fd, Pointer termios);

    int ioctl(int fd, NativeLong request, Pointer argument);

    int tcsetattr(int fd, int optionalActions, Pointer termios);

    void cfmakeraw(Pointer termios);

    NativeLong read(int fd, Pointer buffer, NativeLong count);

    NativeLong write(int fd, Pointer buffer, NativeLong count);

    int poll(Pointer fds, NativeLong nfds, int timeoutMs);

    int pipe2(int[] fds, int flags);

    String strerror(int errno);

    /** Loaded on first use; null when JNA or libc is unavailable, which {@link PseudoTerminal#isSupported()} reports. */
    final class Holder {
        static final LibC INSTANCE = load();

        private Holder() {
        }

        private static LibC load() {
            if (!Platform.isLinux()) {
                return null;
            }
            try {
                return Native.load(Platform.C_LIBRARY_NAME, LibC.class);
            } catch (Throwable unavailable) { // UnsatisfiedLinkError, NoClassDefFoundError: no native JNA here
                return null;
            }
        }
    }
}
