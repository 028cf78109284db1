package io.mipgate.transport.pty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device link left by a killed gateway is replaced, even when its pts number has been reused by something else
 * since; a link whose owner still runs is refused with the path it links to.
 */
class StalePtyLinkTest {

    @TempDir
    Path dir;

    @BeforeEach
    void requirePtySupport() {
        assumeThat(PseudoTerminal.isSupported()).as("pseudo-terminals need Linux and JNA").isTrue();
    }

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
    void aLinkWhoseOwnerRunsIsRefused() throws Exception {
        Path link = dir.resolve("ttyEMU1");
        Files.createSymbolicLink(link, Path.of("/dev/null"));
        Files.writeString(PseudoTerminal.ownerFile(link), Long.toString(ProcessHandle.current().pid()));

        assertThatThrownBy(() -> PseudoTerminal.open(link)).isInstanceOf(FileAlreadyExistsException.class)
                .satisfies(e -> assertThat(((FileAlreadyExistsException) e).getOtherFile()).isEqualTo("/dev/null"));
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/dev/null"));
    }
}
