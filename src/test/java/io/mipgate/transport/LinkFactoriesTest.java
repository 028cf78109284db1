package io.mipgate.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkFactoriesTest {

    @TempDir
    Path dir;

    @Test
    void defaultsServeSerialAndTcpWithoutTouchingTheDevice() {
        LinkFactories factories = LinkFactories.withDefaults();

        assertThat(factories.schemes()).containsExactly("serial", "tcp");
        try (Link serial = factories.create("m1", "serial:/dev/ttyUSB9?baud=921600");
             Link tcp = factories.create("m2", "tcp://127.0.0.1:4001")) {
            assertThat(serial).isInstanceOf(SerialLink.class);
            assertThat(serial.describe()).isEqualTo("serial:/dev/ttyUSB9@921600");
            assertThat(tcp).isInstanceOf(TcpLink.class);
            assertThat(tcp.describe()).isEqualTo("tcp:127.0.0.1:4001");
        }
    }

    @Test
    void emulatorSchemeNeedsARegisteredFactory() {
        LinkFactories factories = LinkFactories.withDefaults();

        assertThatThrownBy(() -> factories.create("emu-1", "emulator:ML307R"))
                .isInstanceOf(LinkConfigurationException.class)
                .hasMessageContaining("module 'emu-1'")
                .hasMessageContaining("'scheme'")
                .hasMessageContaining("no link factory is registered for 'emulator' (registered: serial, tcp)");
    }

    @Test
    void anotherPackageCanPlugInItsScheme() throws Exception {
        InProcessLink.Pair pair = InProcessLink.pair();
        LinkFactories factories = LinkFactories.withDefaults().register("emulator", (moduleId, spec) -> {
            LinkSpec.Emulator emulator = (LinkSpec.Emulator) spec;
            assertThat(moduleId).isEqualTo("emu-1");
            assertThat(emulator.model()).isEqualTo("ML307R");
            assertThat(emulator.options()).containsEntry("imei", "869999000000001");
            return pair.gatewaySide();
        });

        try (Link link = factories.create("emu-1", "emulator:ML307R?imei=869999000000001")) {
            link.open();
            link.write(new byte[] {'A', 'T', '\r'});
            assertThat(LinkTestSupport.readExactly(pair.moduleSide(), 3)).containsExactly('A', 'T', '\r');
        }
        assertThat(factories.schemes()).containsExactly("emulator", "serial", "tcp");
    }

    @Test
    void missingSerialDeviceIsReportedAtOpenNamingThePathAndModule() {
        String device = dir.resolve("ttyUSB-missing").toString();
        Link link = LinkFactories.withDefaults().create("ml307-3", "serial:" + device);

        assertThatThrownBy(link::open)
                .isInstanceOfSatisfying(NoSuchFileException.class, e -> assertThat(e.getFile()).isEqualTo(device))
                .hasMessageContaining(device)
                .hasMessageContaining("module ml307-3")
                .hasMessageContaining("does not exist");
        link.close();
        link.close(); // idempotent, also when never opened
    }

    @Test
    void aSerialLinkThatWasNeverOpenedRefusesIO() {
        Link link = new SerialLink("m1", LinkSpec.Serial.withDefaults("/dev/null-ish"));

        assertThatThrownBy(() -> link.read(new byte[1], 0, 1)).hasMessageContaining("not open");
        assertThatThrownBy(() -> link.write(new byte[1])).hasMessageContaining("not open");
        link.close();
        assertThatThrownBy(link::open).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
