package io.mipgate.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The API does not start unprotected, and says which setting to give it. */
class SecurityConfigurationTest {

    @Test
    void refusesToStartWithoutCredentialsOutsideTheDemo() {
        assertThatThrownBy(() -> new SecurityConfiguration().apiCredentials(new SecurityProperties(),
                new MockEnvironment(), new SlowHashBudget())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mipgate.security.api-keys").hasMessageContaining("does not start unprotected");
    }

    @Test
    void theDemoGeneratesItsOwnAdminKey() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThat(new SecurityConfiguration().apiCredentials(new SecurityProperties(), demo, new SlowHashBudget()).size()).isEqualTo(1);
    }

    @Test
    void plainSecretsAreRefused() {
        SecurityProperties properties = new SecurityProperties();
        SecurityProperties.ApiKey key = new SecurityProperties.ApiKey();
        key.setName("plain");
        key.setHash("my-secret-key");
        properties.getApiKeys().add(key);
        assertThatThrownBy(() -> new SecurityConfiguration().apiCredentials(properties, new MockEnvironment(), new SlowHashBudget()))
                .hasMessageContaining("mipgate.security.api-keys[0].hash").hasMessageContaining("plain secrets");
    }
}
