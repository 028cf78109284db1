package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.testsupport.RequiredFacility;
import io.mipgate.transport.pty.PseudoTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Discovery finds the unclaimed serial device that answers AT and leaves the others alone. */
class SerialDiscoveryTest {

    @Test
    void findsTheModuleThatAnswersAndSkipsSilentAndClaimedPorts() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        Path dir = Files.createTempDirectory("mipgate-discovery");
        try (PtyModuleFixture answering = new PtyModuleFixture(EmulatedFamily.ML307R);
             PtyModuleFixture claimed = new PtyModuleFixture(EmulatedFamily.MN316);
             PseudoTerminal silent = PseudoTerminal.open(dir.resolve("ttyUSB9"))) {
            Files.createSymbolicLink(dir.resolve("ttyUSB0"), answering.pty.devicePath());
            Files.createSymbolicLink(dir.resolve("ttyUSB1"), claimed.pty.devicePath());

            var found = new SerialDiscovery(List.of(dir + "/ttyUSB*"), 115200)
                    .discover(Set.of(SerialDiscovery.realPath(claimed.pty.devicePath())));

            assertThat(found).extracting(spec -> Path.of(spec.device()).getFileName().toString())
                    .containsExactly("ttyUSB0");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
