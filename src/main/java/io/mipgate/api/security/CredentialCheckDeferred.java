package io.mipgate.api.security;

import org.springframework.security.core.AuthenticationException;

/** A secret that needs a slow hash arrived while the {@link SlowHashBudget} was spent: answered 429, not checked. */
final class CredentialCheckDeferred extends AuthenticationException {

    CredentialCheckDeferred() {
        super("too many unverified credentials: retry later");
    }
}
