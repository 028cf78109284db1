package io.mipgate.api.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets a slow hash has already accepted, by the SHA-256 of what was presented: a right secret pays the slow hash
 * once, then costs one digest. Bounded (least recently used go first); only accepted secrets are ever put in.
 */
final class VerifiedSecrets<V> {

    private static final int CAPACITY = 256;

    private final Map<String, V> bySha256 = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > CAPACITY;
        }
    });

    V get(String presentedSha256) {
        return bySha256.get(presentedSha256);
    }

    void accepted(String presentedSha256, V value) {
        bySha256.put(presentedSha256, value);
    }
}
