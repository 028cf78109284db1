package io.mipgate.transport.pty;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import io.mipgate.transport.Link;
import io.mipgate.transport.LinkStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Linux pseudo-terminal whose slave side looks like a real serial device ({@code /dev/pts/N}, optionally behind a
 * stable symlink such as {@code /tmp/mipgate/ttyEMU0}). The emulator serves the master side through
 * {@link #inputStream()} and {@link #outputStream()}; the gateway opens the slave with an ordinary
 * {@link io.mipgate.transport.SerialLink}, so the whole jSerialComm path is exercised without hardware.
 *
 * <p>The slave is put into raw mode (no echo, no CR/LF translation, no XON/XOFF, no signals) so binary payloads
 * pass byte-exact. We keep our own slave fd open for the pseudo-terminal's lifetime: without it the pty hangs up
 * whenever the gateway closes its port, and the master would read EIO between reconnects.
 */
public final class PseudoTerminal implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(PseudoTerminal.class);

    private final LibC libc;
    private final PtyMaster master;
    private final int slaveFd;
    private final Path slavePath;
    private final Path symlink;
    private final Link masterLink = new MasterLink();
    private final InputStream in = LinkStreams.inputStream(masterLink);
    private final OutputStream out = LinkStreams.outputStream(masterLink);
    private final AtomicBoolean closed = new AtomicBoolean();

    private PseudoTerminal(LibC libc, PtyMaster master, int slaveFd, Path slavePath, Path symlink) {
        this.libc = libc;
        this.master = master;
        this.slaveFd = slaveFd;
        this.slavePath = slavePath;
        this.symlink = symlink;
    }

    /** True on Linux when JNA can reach libc; tests use it to skip, callers to fall back to an in-process link. */
    public static boolean isSupported() {
        return LibC.Holder.INSTANCE != null;
    }

    /** Creates a pseudo-terminal without a symlink; use {@link #slavePath()} to open it. */
    public static PseudoTerminal open() throws IOException {
        return open(null);
    }

    /**
     * Creates a pseudo-terminal and, if {@code symlink} is not null, a symbolic link to its slave (parent directories
     * are created). A link left by a killed run is replaced: dangling, or to a device its recorded owner no longer
     * holds (the pts number or the pid reused since); one whose owner runs and holds the device is refused, as it
     * belongs to another running gateway or emulator.
     */
    public static PseudoTerminal open(Path symlink) throws IOException {
        LibC libc = LibC.Holder.INSTANCE;
        if (libc == null) {
            throw new UnsupportedOperationException("pseudo-terminals need Linux and JNA");
        }
        int masterFd = libc.posix_openpt(LibC.O_RDWR | LibC.O_NOCTTY);
        if (masterFd < 0) {
            throw failure(libc, "posix_openpt");
        }
        int slaveFd = -1;
        PtyMaster master = null;
        try {
            libc.fcntl(masterFd, LibC.F_SETFD, LibC.FD_CLOEXEC); // keep it out of child processes
            if (libc.grantpt(masterFd) != 0) {
                throw failure(libc, "grantpt");
            }
            if (libc.unlockpt(masterFd) != 0) {
                throw failure(libc, "unlockpt");
            }
            byte[] name = new byte[128];
            int error = libc.ptsname_r(masterFd, name, new NativeLong(name.length));
            if (error != 0) {
                throw failure(libc, "ptsname_r", error);
            }
            Path slavePath = Path.of(Native.toString(name, StandardCharsets.US_ASCII.name()));
            slaveFd = libc.open(slavePath.toString(), LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_CLOEXEC);
            if (slaveFd < 0) {
                throw failure(libc, "open " + slavePath);
            }
            makeRaw(libc, slaveFd);
            master = new PtyMaster(libc, masterFd);
            if (symlink != null) {
                link(symlink, slavePath);
            }
            log.info("pseudo-terminal {}{} created", slavePath, symlink == null ? "" : " (" + symlink + ")");
            return new PseudoTerminal(libc, master, slaveFd, slavePath, symlink);
        } catch (IOException | RuntimeException e) {
            if (master != null) {
                master.close();
            } else {
                libc.close(masterFd);
            }
            if (slaveFd >= 0) {
                libc.close(slaveFd);
            }
            throw e;
        }
    }

    /** The slave device, e.g. {@code /dev/pts/3}. */
    public Path slavePath() {
        return slavePath;
    }

    public Optional<Path> symlink() {
        return Optional.ofNullable(symlink);
    }

    /** What a serial link should open: the symlink if there is one, else the slave device. */
    public Path devicePath() {
        return symlink != null ? symlink : slavePath;
    }

    /**
     * The master side as a link: reads return what the serial side wrote, writes are what it reads. Closing it closes
     * this pseudo-terminal.
     */
    public Link masterLink() {
        return masterLink;
    }

    /** Bytes the serial side wrote. Reads block until data arrives and return -1 once this terminal is closed. */
    public InputStream inputStream() {
        return in;
    }

    /** Bytes for the serial side to read. Writes block while its input queue is full. */
    public OutputStream outputStream() {
        return out;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /**
     * The line rate the serial side last set (its termios output speed, e.g. 921600 after jSerialComm opened the
     * device at that rate), or 0 when it cannot be read. A pseudo-terminal moves bytes at any rate; the number is
     * what an emulator compares with its own UART's to imitate a rate mismatch. The slave's termios are shared by
     * every open of it, so our own slave descriptor sees what the host set.
     */
    public int serialSideRate() {
        if (closed.get()) {
            return 0;
        }
        Memory termios2 = new Memory(LibC.TERMIOS2_SIZE);
        termios2.clear();
        if (libc.ioctl(slaveFd, new NativeLong(LibC.TCGETS2), termios2) != 0) {
            return 0;
        }
        return termios2.getInt(LibC.TERMIOS2_OSPEED_OFFSET);
    }

    /** Wakes blocked master-side readers and writers, closes both sides and removes the symlink. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // a second close must not close the slave fd number again: it may have been reused
        }
        master.close();
        libc.close(slaveFd);
        if (symlink != null) {
            try {
                if (Files.isSymbolicLink(symlink) && Files.readSymbolicLink(symlink).equals(slavePath)) {
                    Files.delete(symlink);
                    Files.deleteIfExists(ownerFile(symlink));
                }
            } catch (IOException e) {
                log.warn("pseudo-terminal {}: could not remove symlink {}: {}", slavePath, symlink, e.toString());
            }
        }
        log.info("pseudo-terminal {} closed", slavePath);
    }

    @Override
    public String toString() {
        return "pty:" + slavePath + (symlink == null ? "" : " (" + symlink + ")");
    }

    static IOException failure(LibC libc, String call) {
        return failure(libc, call, Native.getLastError());
    }

    static IOException failure(LibC libc, String call, int errno) {
        return new IOException(call + " failed: " + libc.strerror(errno) + " (errno " + errno + ")");
    }

    private static void makeRaw(LibC libc, int slaveFd) throws IOException {
        Memory termios = new Memory(LibC.TERMIOS_SIZE);
        termios.clear();
        if (libc.tcgetattr(slaveFd, termios) != 0) {
            throw failure(libc, "tcgetattr on pty slave");
        }
        libc.cfmakeraw(termios);
        if (libc.tcsetattr(slaveFd, LibC.TCSANOW, termios) != 0) {
            throw failure(libc, "tcsetattr on pty slave");
        }
    }

    private static void link(Path symlink, Path slavePath) throws IOException {
        Path parent = symlink.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.isSymbolicLink(symlink)) {
            if (Files.exists(symlink) && ownerHolds(symlink)) {
                throw new FileAlreadyExistsException(symlink.toString(), Files.readSymbolicLink(symlink).toString(),
                        "already links to a live device; is another emulator using this name?");
            }
            // dangling, or its owner was killed and the pts number reused since: left behind, not in use
            Files.delete(symlink);
        }
        Files.createSymbolicLink(symlink, slavePath);
        Files.writeString(ownerFile(symlink), Long.toString(ProcessHandle.current().pid()));
    }

    /** Beside each link, the pid of the process that made it: a killed owner cannot remove its link itself. */
    static Path ownerFile(Path symlink) {
        return symlink.resolveSibling(symlink.getFileName() + ".owner");
    }

    /**
     * Whether the link's owner still runs and holds the device open (a process that keeps a pseudo-terminal keeps its
     * slave open). A link without an owner file is taken as owned (made by an older run); a pid that runs but does not
     * hold the device was reused by another process since its owner was killed. Where the owner's open files cannot be
     * read, a running owner is taken as holding it.
     */
    private static boolean ownerHolds(Path symlink) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(ownerFile(symlink)).trim());
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try (var descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            Path device = symlink.toRealPath();
            return descriptors.anyMatch(fd -> device.equals(target(fd)));
        } catch (IOException | SecurityException e) {
            return true;
        }
    }

    private static Path target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor);
        } catch (IOException e) {
            return null; // closed meanwhile
        }
    }

    /** The master side as a {@link Link}, so an emulator serves a pty exactly as it serves an in-process pair. */
    private final class MasterLink implements Link {
        @Override
        public void open() {
            if (closed.get()) {
                throw new IllegalStateException(describe() + " is closed");
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int len) throws IOException {
            return master.read(buffer, offset, len);
        }

        @Override
        public void write(byte[] buffer, int offset, int len) throws IOException {
            master.write(buffer, offset, len);
        }

        @Override
        public void close() {
            PseudoTerminal.this.close();
        }

        @Override
        public String describe() {
            return "pty-master:" + slavePath;
        }
    }
}
