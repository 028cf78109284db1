package io.mipgate.transport.pty;

import io.mipgate.testsupport.RequiredFacility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.mipgate.transport.LinkTestSupport.allByteValues;
import static io.mipgate.transport.LinkTestSupport.readExactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pty on its own, opened from the slave side with plain file streams (no jSerialComm reconfiguring it). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PseudoTerminalTest {

    @TempDir
    Path dir;

    @BeforeEach
    void requirePtySupport() {
        RequiredFacility.requirePseudoTerminals();
    }

    @Test
    void ourRawModeAloneKeepsEveryByteValueIntact() throws Exception {
        byte[] payload = allByteValues(1024); // well inside the line discipline's 4 KiB queue
        try (PseudoTerminal pty = PseudoTerminal.open();
             FileInputStream slaveIn = new FileInputStream(pty.slavePath().toFile());
             FileOutputStream slaveOut = new FileOutputStream(pty.slavePath().toFile())) {

            pty.outputStream().write(payload);
            assertThat(slaveIn.readNBytes(payload.length)).isEqualTo(payload); // no ICRNL, no IXON, no ISIG

            slaveOut.write(payload);
            assertThat(readExactly(pty.inputStream(), payload.length)).isEqualTo(payload); // no ONLCR, no echo
        }
    }

    @Test
    void withoutSymlinkTheDeviceIsTheSlave() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open()) {
            assertThat(pty.symlink()).isEmpty();
            assertThat(pty.devicePath()).isEqualTo(pty.slavePath());
            assertThat(pty.slavePath()).exists();
            assertThat(pty.toString()).startsWith("pty:/dev/pts/");
            assertThat(pty.masterLink().describe()).isEqualTo("pty-master:" + pty.slavePath());
        }
    }

    @Test
    void masterLinkServesTheSerialSideLikeAnyOtherLink() throws Exception {
        PseudoTerminal pty = PseudoTerminal.open();
        io.mipgate.transport.Link master = pty.masterLink();
        try (FileInputStream slaveIn = new FileInputStream(pty.slavePath().toFile());
             FileOutputStream slaveOut = new FileOutputStream(pty.slavePath().toFile())) {
            master.open();
            slaveOut.write("AT\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(readExactly(master, 3)).asString(java.nio.charset.StandardCharsets.US_ASCII).isEqualTo("AT\r");
            master.write("\r\nOK\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(slaveIn.readNBytes(6)).asString(java.nio.charset.StandardCharsets.US_ASCII)
                    .isEqualTo("\r\nOK\r\n");

            master.close();

            assertThat(pty.isClosed()).isTrue();
            assertThat(master.read(new byte[4], 0, 4)).isEqualTo(-1);
            assertThatThrownBy(master::open).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void danglingSymlinkFromACrashedRunIsReplaced() throws Exception {
        Path link = dir.resolve("ttyEMU0");
        Files.createSymbolicLink(link, dir.resolve("gone"));

        try (PseudoTerminal pty = PseudoTerminal.open(link)) {
            assertThat(Files.readSymbolicLink(link)).isEqualTo(pty.slavePath());
        }
        assertThat(Files.isSymbolicLink(link)).isFalse();
    }

    @Test
    void liveSymlinkIsNotStolen() throws Exception {
        Path link = dir.resolve("ttyEMU0");
        Path target = Files.createFile(dir.resolve("someone-elses-device"));
        Files.createSymbolicLink(link, target);

        assertThatThrownBy(() -> PseudoTerminal.open(link))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining(link.toString());
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
    }

    @Test
    void closeLeavesASymlinkAloneOnceItPointsElsewhere() throws Exception {
        Path link = dir.resolve("ttyEMU0");
        PseudoTerminal pty = PseudoTerminal.open(link);
        Files.delete(link);
        Path other = Files.createFile(dir.resolve("replacement"));
        Files.createSymbolicLink(link, other);

        pty.close();
        pty.close();

        assertThat(pty.isClosed()).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(other);
        assertThat(pty.inputStream().read()).isEqualTo(-1);
    }

    /** A link left by a killed gateway is replaced even when its pts number has been reused since. */
    @Test
    void aLinkWhoseOwnerIsGoneIsReplaced() throws Exception {
        Path link = dir.resolve("ttyEMU0");
        Files.createSymbolicLink(link, Path.of("/dev/null")); // a live device: the pts number was reused
        Process killed = new ProcessBuilder("true").start();
        killed.waitFor();
        Files.writeString(PseudoTerminal.ownerFile(link), Long.toString(killed.pid()));

        try (PseudoTerminal pty = PseudoTerminal.open(link)) {
            assertThat(Files.readSymbolicLink(link)).isEqualTo(pty.slavePath());
            assertThat(Files.readString(PseudoTerminal.ownerFile(link)))
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        assertThat(link).doesNotExist();
        assertThat(PseudoTerminal.ownerFile(link)).doesNotExist();
    }

    @Test
    void aLinkWhoseOwnerRunsAndHoldsTheDeviceIsRefused() throws Exception {
        Path link = dir.resolve("ttyEMU1");
        try (PseudoTerminal held = PseudoTerminal.open(link)) { // this JVM runs and holds its slave open
            assertThatThrownBy(() -> PseudoTerminal.open(link)).isInstanceOf(FileAlreadyExistsException.class)
                    .satisfies(e -> assertThat(((FileAlreadyExistsException) e).getOtherFile())
                            .isEqualTo(held.slavePath().toString()));
            assertThat(Files.readSymbolicLink(link)).isEqualTo(held.slavePath());
        }
    }

    /** The owner was killed and its pid reused by a process that has nothing to do with the device. */
    @Test
    void aLinkWhoseOwnerPidRunsWithoutTheDeviceIsReplaced() throws Exception {
        Path link = dir.resolve("ttyEMU2");
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try (PseudoTerminal elsewhere = PseudoTerminal.open()) { // a live pts the stranger does not hold
            Files.createSymbolicLink(link, elsewhere.slavePath());
            Files.writeString(PseudoTerminal.ownerFile(link), Long.toString(stranger.pid()));

            try (PseudoTerminal pty = PseudoTerminal.open(link)) {
                assertThat(Files.readSymbolicLink(link)).isEqualTo(pty.slavePath());
            }
        } finally {
            stranger.destroy();
        }
    }
}
