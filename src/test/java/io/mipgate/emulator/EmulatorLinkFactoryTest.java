package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.transport.LinkConfigurationException;
import io.mipgate.transport.LinkSpec;
import org.junit.jupiter.api.Test;

class EmulatorLinkFactoryTest {

    @Test
    void anAdminPortChangesTheModulesRadioWorld() throws Exception {
        try (EmulatorLinkFactory factory = new EmulatorLinkFactory()) {
            factory.create("m0", LinkSpec.parse("m0", "emulator:ML307R?admin=0"));
            int port = factory.adminPort("m0").orElseThrow();
            try (java.net.Socket admin = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port);
                 var in = new java.io.BufferedReader(new java.io.InputStreamReader(admin.getInputStream(),
                         java.nio.charset.StandardCharsets.UTF_8));
                 var out = new java.io.PrintWriter(admin.getOutputStream(), true,
                         java.nio.charset.StandardCharsets.UTF_8)) {
                out.println("signal -99");
                assertThat(in.readLine()).isEqualTo("ok");
                out.println("sim missing");
                assertThat(in.readLine()).isEqualTo("ok");
            }
            VirtualModule module = factory.module("m0").orElseThrow();
            assertThat(module.network().signal().rssiDbm()).isEqualTo(-99);
            assertThat(module.network().sim()).isNull();
            assertThatThrownBy(() -> factory.create("m1", LinkSpec.parse("m1", "emulator:ML307R?admin=http")))
                    .isInstanceOf(LinkConfigurationException.class).hasMessageContaining("admin");
        }
    }

    @Test
    void everyVirtualModuleHasItsOwnValidImei() {
        String a = EmulatorLinkFactory.imeiFor("emu-ml307r");
        String b = EmulatorLinkFactory.imeiFor("emu-mn316");
        assertThat(a).hasSize(15).isNotEqualTo(b).startsWith("86999901");
        assertThat(luhnValid(a)).isTrue();
        assertThat(luhnValid(b)).isTrue();
        assertThat(luhnValid("490154203237518")).as("the check itself").isTrue();
        assertThat(luhnValid("490154203237517")).isFalse();
    }

    @Test
    void badOptionsNameTheModuleAndTheSetting() {
        try (EmulatorLinkFactory factory = new EmulatorLinkFactory()) {
            assertThatThrownBy(() -> factory.create("m1", LinkSpec.parse("m1", "emulator:ML307R?dns=resolver.example")))
                    .isInstanceOf(LinkConfigurationException.class)
                    .hasMessageContaining("m1").hasMessageContaining("dns");
            assertThatThrownBy(() -> factory.create("m2", LinkSpec.parse("m2", "emulator:ML307R?colour=blue")))
                    .isInstanceOf(LinkConfigurationException.class)
                    .hasMessageContaining("m2").hasMessageContaining("colour");
            assertThatThrownBy(() -> factory.create("m4", LinkSpec.parse("m4", "emulator:ML307R?lineRate=12345")))
                    .isInstanceOf(LinkConfigurationException.class)
                    .hasMessageContaining("m4").hasMessageContaining("lineRate").hasMessageContaining("921600");
            assertThatThrownBy(() -> factory.create("m3", LinkSpec.parse("m3", "emulator:ML999")))
                    .isInstanceOf(LinkConfigurationException.class).hasMessageContaining("ML999");
        }
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
