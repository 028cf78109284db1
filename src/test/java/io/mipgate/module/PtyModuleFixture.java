package io.mipgate.module;

import io.mipgate.emulator.EmulatorConfig;
import io.mipgate.emulator.VirtualModule;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.transport.LinkSpec;
import io.mipgate.transport.pty.PseudoTerminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A virtual module behind a real pseudo-terminal: the module sits on the master side, the gateway opens the slave
 * through jSerialComm, exactly as it opens a USB serial device.
 */
final class PtyModuleFixture implements AutoCloseable {

    final VirtualModule module;
    volatile PseudoTerminal pty;
    private final Path dir;

    PtyModuleFixture(EmulatedFamily family) throws IOException {
        this(EmulatorConfig.builder(family).guardTime(Duration.ofMillis(50)).build());
    }

    /** The module compares its AT+IPR rate with the termios speed the gateway sets on the device. */
    PtyModuleFixture(EmulatorConfig config) throws IOException {
        dir = Files.createTempDirectory("mipgate-pty");
        pty = PseudoTerminal.open(dir.resolve("ttyEMU0"));
        module = new VirtualModule(config);
        module.attach(pty.inputStream(), pty.outputStream(), pty::serialSideRate);
        module.powerOn();
    }

    /**
     * The device goes away, as a USB serial adapter that is pulled: its path disappears and the open line fails. The
     * module keeps running (its sockets survive), as with a hub reset.
     */
    void unplug() {
        module.detach();
        pty.close();
    }

    /** The device comes back under the same path (a new pseudo-terminal behind the same symlink). */
    void replug() throws IOException {
        pty = PseudoTerminal.open(dir.resolve("ttyEMU0"));
        module.attach(pty.inputStream(), pty.outputStream());
    }

    /** The link spec the gateway uses: {@code serial:<symlink>?baud=115200}. */
    LinkSpec link() {
        return LinkSpec.Serial.withDefaults(pty.devicePath().toString());
    }

    @Override
    public void close() throws IOException {
        module.close();
        pty.close();
        Files.deleteIfExists(dir);
    }
}
