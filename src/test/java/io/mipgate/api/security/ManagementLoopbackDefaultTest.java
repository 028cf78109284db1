package io.mipgate.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** A separate management port listens on loopback unless told otherwise (issue 16, defect 8). */
class ManagementLoopbackDefaultTest {

    private static String addressFor(MockEnvironment environment) {
        new ManagementLoopbackDefault().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(ManagementLoopbackDefault.ADDRESS);
    }

    @Test
    void aSeparateManagementPortListensOnLoopback() {
        assertThat(addressFor(new MockEnvironment().withProperty("management.server.port", "8081")))
                .isEqualTo("127.0.0.1");
        assertThat(addressFor(new MockEnvironment().withProperty("management.server.port", "0")
                .withProperty("server.port", "0"))).isEqualTo("127.0.0.1");
    }

    @Test
    void aConfiguredAddressIsKept() {
        assertThat(addressFor(new MockEnvironment().withProperty("management.server.port", "8081")
                .withProperty("management.server.address", "0.0.0.0"))).isEqualTo("0.0.0.0");
    }

    @Test
    void theActuatorOnTheApiPortGetsNoAddressOfItsOwn() {
        assertThat(addressFor(new MockEnvironment())).isNull();
        assertThat(addressFor(new MockEnvironment().withProperty("management.server.port", "8080")
                .withProperty("server.port", "8080"))).isNull();
    }
}
