package io.mipgate.api.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic users ({@code mipgate.security.users}). A right password pays its slow hash once, then is recognised by
 * the SHA-256 of user and password. Any other attempt - an unknown user or a wrong password - runs one slow hash of
 * the same algorithm and cost, within the {@link SlowHashBudget}, or is deferred without hashing once the budget is
 * spent: the two cost the same, so the answer time does not tell which users exist.
 */
final class BasicUsers implements AuthenticationProvider {

    /** One configured user; {@code passwordHash} carries its algorithm prefix ({@code {bcrypt}...}). */
    record User(String username, String passwordHash, Role role) {
    }

    private final Map<String, User> users = new LinkedHashMap<>();
    private final PasswordEncoder encoder;
    private final SlowHashBudget budget;
    private final VerifiedSecrets<User> verified = new VerifiedSecrets<>();
    /**
     * What an unknown user's password is checked against: a configured user's own hash, so the check has that user's
     * algorithm and cost (Spring's own dummy is a bcrypt at cost 10, which a user with another cost would betray). It
     * can never let anyone in: only a known user is authenticated.
     */
    private final String unknownUserHash;

    BasicUsers(List<User> configured, PasswordEncoder encoder, SlowHashBudget budget) {
        for (User user : configured) {
            users.put(user.username(), user);
        }
        this.encoder = encoder;
        this.budget = budget;
        this.unknownUserHash = configured.isEmpty() ? null : configured.getFirst().passwordHash();
    }

    boolean isEmpty() {
        return users.isEmpty();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String presented = SecretHash.sha256Hex(username.length() + ":" + username + ":" + password);
        User known = verified.get(presented);
        if (known != null) {
            return authenticated(known);
        }
        if (unknownUserHash == null) {
            throw new BadCredentialsException("no HTTP Basic users are configured");
        }
        if (!budget.tryAcquire()) {
            throw new CredentialCheckDeferred();
        }
        User user = users.get(username);
        boolean matches = encoder.matches(password, user == null ? unknownUserHash : user.passwordHash());
        if (user == null || !matches) {
            throw new BadCredentialsException("wrong user or password");
        }
        verified.accepted(presented, user);
        return authenticated(user);
    }

    private static Authentication authenticated(User user) {
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(user.role().authority()));
        return UsernamePasswordAuthenticationToken.authenticated(user.username(), null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
