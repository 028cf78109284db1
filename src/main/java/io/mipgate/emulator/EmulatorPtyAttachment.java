package io.mipgate.emulator;

import io.mipgate.transport.pty.PseudoTerminal;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A virtual module behind a pseudo-terminal, so it appears as a real serial device: the module sits on the master,
 * and anything that opens {@link #devicePath()} (jSerialComm, minicom, the gateway's {@code serial:} link) talks to
 * it as to a USB module's tty. Hosts may close and reopen the device; the module and its connections stay.
 *
 * <pre>{@code
 * try (var pty = EmulatorPtyAttachment.open(module, Path.of("/tmp/mipgate/ttyEMU0"))) {
 *     new SerialLink("m1", LinkSpec.Serial.withDefaults(pty.devicePath().toString())).open();
 * }
 * }</pre>
 *
 * The module compares its {@code AT+IPR} rate with the termios speed the host set on the device: on a
 * pseudo-terminal that speed is only a number (bytes cross at any rate), but it is the number a real UART would run
 * at, so a host at the wrong rate loses its bytes here as it would on a wire.
 *
 * <p>Dropping the attachment (fault injection, or {@link #close()}) removes the device, as unplugging a module does.
 */
public final class EmulatorPtyAttachment implements AutoCloseable {

    private final PseudoTerminal pty;

    private EmulatorPtyAttachment(PseudoTerminal pty) {
        this.pty = pty;
    }

    /** Whether this OS offers pseudo-terminals to us (Linux with JNA); where not, attach in process instead. */
    public static boolean isSupported() {
        return PseudoTerminal.isSupported();
    }

    /**
     * Creates a pseudo-terminal, links {@code symlink} (may be null) to its slave and attaches {@code module} to its
     * master, replacing any host the module had.
     */
    public static EmulatorPtyAttachment open(VirtualModule module, Path symlink) throws IOException {
        PseudoTerminal pty = PseudoTerminal.open(symlink);
        module.attach(pty.inputStream(), pty.outputStream(), pty::serialSideRate);
        return new EmulatorPtyAttachment(pty);
    }

    /** What a serial link opens: the symlink when one was asked for, else {@code /dev/pts/N}. */
    public Path devicePath() {
        return pty.devicePath();
    }

    /** The kernel's name for the device, {@code /dev/pts/N}. */
    public Path slavePath() {
        return pty.slavePath();
    }

    public boolean isClosed() {
        return pty.isClosed();
    }

    /**
     * Removes the device (and its symlink); the module sees end of stream and detaches, but keeps running. A host
     * the module was attached to since is not affected.
     */
    @Override
    public void close() {
        pty.close();
    }

    @Override
    public String toString() {
        return pty.toString();
    }
}
