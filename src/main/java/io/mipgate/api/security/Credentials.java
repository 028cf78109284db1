package io.mipgate.api.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The API keys and the metrics token the gateway accepts, held as hashes only. */
public final class Credentials {

    /** One accepted API key. */
    record Key(String name, SecretHash hash, Role role) {
    }

    private static final int VERIFIED_CACHE = 256;

    private final List<Key> keys;
    private final SecretHash metricsToken;
    /** SHA-256 of a presented key → the bcrypt-hashed key it matched, so bcrypt runs once per key. */
    private final Map<String, Key> verified = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Key> eldest) {
            return size() > VERIFIED_CACHE;
        }
    });

    Credentials(List<Key> keys, SecretHash metricsToken) {
        this.keys = List.copyOf(keys);
        this.metricsToken = metricsToken;
    }

    static Credentials from(SecurityProperties properties, List<Key> extra) {
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
            keys.add(new Key(key.getName(), SecretHash.parse(where + ".hash", key.getHash()), key.getRole()));
        }
        SecretHash metrics = properties.getMetricsToken() == null || properties.getMetricsToken().isBlank() ? null
                : SecretHash.parse("mipgate.security.metrics-token", properties.getMetricsToken());
        return new Credentials(keys, metrics);
    }

    public int size() {
        return keys.size();
    }

    Optional<Key> apiKey(String presented) {
        String sha = SecretHash.sha256Hex(presented);
        Key cached = verified.get(sha);
        if (cached != null) {
            return Optional.of(cached);
        }
        for (Key key : keys) {
            if (key.hash().kind() == SecretHash.Kind.SHA256 && key.hash().matches(presented, sha)) {
                return Optional.of(key);
            }
        }
        for (Key key : keys) {
            if (key.hash().kind() == SecretHash.Kind.BCRYPT && key.hash().matches(presented, sha)) {
                verified.put(sha, key);
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    boolean hasMetricsToken() {
        return metricsToken != null;
    }

    boolean metricsToken(String presented) {
        return metricsToken != null && metricsToken.matches(presented, SecretHash.sha256Hex(presented));
    }
}
