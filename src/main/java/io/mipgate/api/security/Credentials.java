package io.mipgate.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The API keys and the metrics token the gateway accepts, held as hashes only. A presented key is found through a
 * fast index before any slow hash runs: {@code {sha256}} keys by the digest of the presented key, {@code {bcrypt}}
 * keys by their {@code key-id} (the leading characters of the key). An unknown key therefore costs one SHA-256 and
 * never a bcrypt check; only a key that carries a bcrypt key's id is checked, against that one hash, and only within
 * the {@link SlowHashBudget} shared with HTTP Basic. A {@code {bcrypt}} metrics token is checked until a scrape
 * presents the right one, then by digest.
 */
public final class Credentials {

    /** One accepted API key; {@code keyId} is the leading part of a bcrypt key, null for a SHA-256 key. */
    record Key(String name, SecretHash hash, Role role, String keyId) {

        Key(String name, SecretHash hash, Role role) {
            this(name, hash, role, null);
        }
    }

    static final int MIN_KEY_ID = 4;

    private final int size;
    private final Map<String, Key> bySha256 = new HashMap<>();
    private final Map<String, Key> byKeyId = new LinkedHashMap<>();
    private final SecretHash metricsToken;
    private final PasswordEncoder bcrypt;
    private final SlowHashBudget budget;
    /** SHA-256 of a presented key → the bcrypt-hashed key it matched, so bcrypt runs once per right key. */
    private final VerifiedSecrets<Key> verified = new VerifiedSecrets<>();
    /**
     * The SHA-256 of the {@code {bcrypt}} metrics token once a scrape presented it: there is one token, so from then
     * on any other token is refused by a constant-time digest compare and never reaches bcrypt.
     */
    private volatile String verifiedMetricsToken;

    Credentials(List<Key> keys, SecretHash metricsToken, PasswordEncoder bcrypt, SlowHashBudget budget) {
        this.size = keys.size();
        this.metricsToken = metricsToken;
        this.bcrypt = bcrypt;
        this.budget = budget;
        for (Key key : keys) {
            if (key.hash().kind() == SecretHash.Kind.SHA256) {
                Key clash = bySha256.putIfAbsent(key.hash().value(), key);
                if (clash != null) {
                    throw new IllegalStateException("mipgate.security.api-keys: '" + key.name() + "' and '"
                            + clash.name() + "' have the same hash");
                }
            } else {
                byKeyId.put(key.keyId(), key);
            }
        }
    }

    Credentials(List<Key> keys, SecretHash metricsToken, PasswordEncoder bcrypt) {
        this(keys, metricsToken, bcrypt, new SlowHashBudget());
    }

    static Credentials from(SecurityProperties properties, List<Key> extra) {
        return from(properties, extra, new SlowHashBudget());
    }

    static Credentials from(SecurityProperties properties, List<Key> extra, SlowHashBudget budget) {
        List<Key> keys = new ArrayList<>(extra);
        for (int i = 0; i < properties.getApiKeys().size(); i++) {
            SecurityProperties.ApiKey key = properties.getApiKeys().get(i);
            String where = "mipgate.security.api-keys[" + i + "]";
            if (key.getName() == null || key.getName().isBlank()) {
                throw new IllegalStateException(where + ".name is missing");
            }
            if (key.getRole() == null) {
                throw new IllegalStateException(where + ".role is missing (VIEWER, OPERATOR or ADMIN)");
            }
            SecretHash hash = SecretHash.parse(where + ".hash", key.getHash());
            String keyId = hash.kind() == SecretHash.Kind.BCRYPT ? keyId(where, key.getKeyId(), keys) : null;
            keys.add(new Key(key.getName(), hash, key.getRole(), keyId));
        }
        SecretHash metrics = properties.getMetricsToken() == null || properties.getMetricsToken().isBlank() ? null
                : SecretHash.parse("mipgate.security.metrics-token", properties.getMetricsToken());
        return new Credentials(keys, metrics, new BCryptPasswordEncoder(), budget);
    }

    /** A bcrypt key's id: required, and no id may start another, so a presented key matches one id at most. */
    private static String keyId(String where, String keyId, List<Key> earlier) {
        if (keyId == null || keyId.length() < MIN_KEY_ID || !keyId.matches("[\\x21-\\x7e]+")) {
            throw new IllegalStateException(where + ".key-id is missing or shorter than " + MIN_KEY_ID + " characters:"
                    + " a {bcrypt} key needs the leading characters of the key as its id (for the key"
                    + " mgk_ops1_<secret>, key-id: mgk_ops1_), so that an unknown key is refused without a bcrypt"
                    + " check. Clients keep the key they have; or configure the key as {sha256}.");
        }
        for (Key other : earlier) {
            if (other.keyId() != null && (other.keyId().startsWith(keyId) || keyId.startsWith(other.keyId()))) {
                throw new IllegalStateException(where + ".key-id '" + keyId + "' and the key-id of '" + other.name()
                        + "' start one another: a presented key must match one key-id at most");
            }
        }
        return keyId;
    }

    public int size() {
        return size;
    }

    /**
     * The key presented, if it is one of ours.
     *
     * @throws CredentialCheckDeferred a bcrypt key's id with a secret not verified yet, while the budget is spent
     */
    Optional<Key> apiKey(String presented) {
        String sha = SecretHash.sha256Hex(presented);
        // a map lookup by digest: its timing can tell at most something about the digest, never about a key
        Key fast = bySha256.get(sha);
        if (fast != null) {
            return Optional.of(fast);
        }
        Key cached = verified.get(sha);
        if (cached != null) {
            return Optional.of(cached);
        }
        for (Map.Entry<String, Key> entry : byKeyId.entrySet()) {
            if (presented.startsWith(entry.getKey())) {
                Key key = entry.getValue();
                if (!budget.tryAcquire()) {
                    throw new CredentialCheckDeferred();
                }
                if (bcrypt.matches(presented, key.hash().value())) {
                    verified.accepted(sha, key);
                    return Optional.of(key);
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    boolean hasMetricsToken() {
        return metricsToken != null;
    }

    /**
     * Whether this is the metrics token.
     *
     * @throws CredentialCheckDeferred a {@code {bcrypt}} token not verified yet, while the budget is spent
     */
    boolean metricsToken(String presented) {
        if (metricsToken == null) {
            return false;
        }
        String sha = SecretHash.sha256Hex(presented);
        if (metricsToken.kind() == SecretHash.Kind.SHA256) {
            return metricsToken.matchesSha256(sha);
        }
        String known = verifiedMetricsToken;
        if (known != null) {
            return MessageDigest.isEqual(known.getBytes(StandardCharsets.US_ASCII),
                    sha.getBytes(StandardCharsets.US_ASCII));
        }
        if (!budget.tryAcquire()) {
            throw new CredentialCheckDeferred();
        }
        if (bcrypt.matches(presented, metricsToken.value())) {
            verifiedMetricsToken = sha;
            return true;
        }
        return false;
    }
}
