package io.mipgate.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Keys are found by a fast index before any slow hash: an unknown key never costs a bcrypt check. */
class CredentialsLookupTest {

    private static final BCryptPasswordEncoder CHEAP_BCRYPT = CountingBcrypt.CHEAP_BCRYPT;

    private final CountingBcrypt bcrypt = new CountingBcrypt();
    private final Credentials credentials = new Credentials(List.of(
            new Credentials.Key("fast", new SecretHash(SecretHash.Kind.SHA256, SecretHash.sha256Hex("fast-key-0123")),
                    Role.VIEWER),
            new Credentials.Key("ops", SecretHash.parse("test", "{bcrypt}" + CHEAP_BCRYPT.encode("mgk_ops1_secret")),
                    Role.ADMIN, "mgk_ops1_"),
            new Credentials.Key("dash", SecretHash.parse("test", "{bcrypt}" + CHEAP_BCRYPT.encode("mgk_dash_secret")),
                    Role.OPERATOR, "mgk_dash_")), null, bcrypt);

    @Test
    void unknownKeysAreRefusedWithoutABcryptCheck() {
        for (int i = 0; i < 100; i++) {
            assertThat(credentials.apiKey("unknown-" + i)).isEmpty();
        }
        assertThat(bcrypt.checks).hasValue(0);
    }

    @Test
    void aBcryptKeyIsCheckedOnceAgainstItsOwnHashThenServedFromTheCache() {
        assertThat(credentials.apiKey("mgk_dash_secret")).map(Credentials.Key::name).contains("dash");
        assertThat(bcrypt.checks).hasValue(1);
        assertThat(credentials.apiKey("mgk_dash_secret")).map(Credentials.Key::name).contains("dash");
        assertThat(bcrypt.checks).hasValue(1);
        assertThat(credentials.apiKey("mgk_ops1_secret")).map(Credentials.Key::role).contains(Role.ADMIN);
        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void aWrongSecretBehindAKnownIdCostsOneCheckOnly() {
        assertThat(credentials.apiKey("mgk_ops1_wrong")).isEmpty();
        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void sha256KeysNeedNoSlowHash() {
        assertThat(credentials.apiKey("fast-key-0123")).map(Credentials.Key::name).contains("fast");
        assertThat(bcrypt.checks).hasValue(0);
    }

    @Test
    void aBcryptKeyWithoutAnIdRefusesToStartAndSaysHowToMigrate() {
        SecurityProperties properties = new SecurityProperties();
        SecurityProperties.ApiKey key = new SecurityProperties.ApiKey();
        key.setName("legacy");
        key.setHash("{bcrypt}" + CHEAP_BCRYPT.encode("legacy-key"));
        properties.getApiKeys().add(key);
        assertThatThrownBy(() -> Credentials.from(properties, List.of()))
                .hasMessageContaining("mipgate.security.api-keys[0].key-id").hasMessageContaining("leading characters");
        key.setKeyId("legacy-");
        assertThat(Credentials.from(properties, List.of()).apiKey("legacy-key")).isPresent();
    }

    @Test
    void keyIdsThatStartOneAnotherAreRefused() {
        SecurityProperties properties = new SecurityProperties();
        for (String id : List.of("mgk_a", "mgk_ab")) {
            SecurityProperties.ApiKey key = new SecurityProperties.ApiKey();
            key.setName(id);
            key.setKeyId(id);
            key.setHash("{bcrypt}" + CHEAP_BCRYPT.encode(id + "secret"));
            properties.getApiKeys().add(key);
        }
        assertThatThrownBy(() -> Credentials.from(properties, List.of())).hasMessageContaining("start one another");
    }
}
