package io.mipgate.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * HTTP Basic and the {@code {bcrypt}} metrics token cost a slow hash only within a budget (issue 16, defect 4): a
 * right secret is hashed once and then recognised by digest; an unknown user costs exactly what a known user with a
 * wrong password costs (one check of a configured user's hash, or none once the budget is spent), so the cost tells
 * nobody which users exist. Counted in slow hash calls against a stopped clock, not in milliseconds.
 */
class SlowHashChecksTest {

    private static final BCryptPasswordEncoder CHEAP_BCRYPT = CountingBcrypt.CHEAP_BCRYPT;

    private final AtomicLong now = new AtomicLong();
    private final SlowHashBudget budget = new SlowHashBudget(3, 1_000_000_000L, now::get);
    private final CountingBcrypt encoder = new CountingBcrypt();
    private final String aliceHash = CHEAP_BCRYPT.encode("alice-secret");
    private final BasicUsers users = new BasicUsers(List.of(new BasicUsers.User("alice", aliceHash, Role.ADMIN),
            new BasicUsers.User("bob", CHEAP_BCRYPT.encode("bob-secret"), Role.VIEWER)), encoder, budget);

    private Authentication basic(String user, String password) {
        return users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    @Test
    void aRightPasswordIsHashedOnceThenRecognisedByDigest() {
        for (int i = 0; i < 50; i++) {
            Authentication alice = basic("alice", "alice-secret");
            assertThat(alice.getName()).isEqualTo("alice");
            assertThat(alice.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        }
        assertThat(encoder.checks).hasValue(1);
    }

    @Test
    void anUnknownUserCostsWhatAWrongPasswordCostsAndNoMoreThanTheBudget() {
        assertThatThrownBy(() -> basic("mallory", "guess")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> basic("alice", "guess")).isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.against).as("both checked once, against a configured user's own hash")
                .containsExactly(aliceHash, aliceHash);

        assertThatThrownBy(() -> basic("mallory-2", "guess")).isInstanceOf(BadCredentialsException.class);
        for (int i = 0; i < 100; i++) {
            String user = i % 2 == 0 ? "unknown-" + i : "bob";
            assertThatThrownBy(() -> basic(user, "guess")).as("past the budget, known and unknown alike")
                    .isInstanceOf(CredentialCheckDeferred.class);
        }
        assertThat(encoder.checks).as("a stream of wrong credentials hashes no more than the budget").hasValue(3);

        now.addAndGet(2_000_000_000L);
        assertThat(basic("bob", "bob-secret").getName()).as("the budget refills").isEqualTo("bob");
        assertThat(encoder.checks).hasValue(4);
    }

    @Test
    void aVerifiedUserStaysCheapWhileTheBudgetIsSpent() {
        basic("alice", "alice-secret");
        for (int i = 0; i < 10; i++) {
            String user = "unknown-" + i;
            try {
                basic(user, "guess");
            } catch (BadCredentialsException | CredentialCheckDeferred expected) {
                // the attack spends the budget
            }
        }
        assertThat(basic("alice", "alice-secret").getName()).isEqualTo("alice");
        assertThat(encoder.checks).hasValue(3);
    }

    @Test
    void aWrongMetricsTokenNeverReachesBcryptOnceTheRightOneWasSeen() {
        Credentials credentials = new Credentials(List.of(),
                SecretHash.parse("test", "{bcrypt}" + CHEAP_BCRYPT.encode("metrics-token-secret")), encoder, budget);
        assertThat(credentials.metricsToken("wrong-before")).isFalse();
        assertThat(credentials.metricsToken("metrics-token-secret")).isTrue();
        assertThat(encoder.checks).hasValue(2);
        for (int i = 0; i < 100; i++) {
            assertThat(credentials.metricsToken("wrong-" + i)).isFalse();
            assertThat(credentials.metricsToken("metrics-token-secret")).isTrue();
        }
        assertThat(encoder.checks).as("decided by a constant-time digest compare").hasValue(2);
    }

    @Test
    void wrongMetricsTokensBeforeTheRightOneCostNoMoreThanTheBudget() {
        Credentials credentials = new Credentials(List.of(),
                SecretHash.parse("test", "{bcrypt}" + CHEAP_BCRYPT.encode("metrics-token-secret")), encoder, budget);
        int deferred = 0;
        for (int i = 0; i < 100; i++) {
            try {
                assertThat(credentials.metricsToken("wrong-" + i)).isFalse();
            } catch (CredentialCheckDeferred e) {
                deferred++;
            }
        }
        assertThat(encoder.checks).hasValue(3);
        assertThat(deferred).isEqualTo(97);
    }

    @Test
    void aKnownKeyIdWithWrongSecretsCostsNoMoreThanTheBudget() {
        Credentials credentials = new Credentials(List.of(new Credentials.Key("ops",
                SecretHash.parse("test", "{bcrypt}" + CHEAP_BCRYPT.encode("mgk_ops1_secret")), Role.ADMIN,
                "mgk_ops1_")), null, encoder, budget);
        for (int i = 0; i < 20; i++) {
            String key = "mgk_ops1_wrong" + i;
            try {
                assertThat(credentials.apiKey(key)).isEmpty();
            } catch (CredentialCheckDeferred expected) {
                // past the budget
            }
        }
        assertThat(encoder.checks).hasValue(3);
    }
}
