package io.mipgate.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A configured secret hash: {@code {sha256}<64 hex>} for high-entropy keys and tokens (fast, compared in constant
 * time), or {@code {bcrypt}<hash>} (slow by design; {@link Credentials} reaches one only through its key id).
 */
record SecretHash(Kind kind, String value) {

    enum Kind { SHA256, BCRYPT }

    static SecretHash parse(String where, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalStateException(where + ": hash is missing");
        }
        if (text.startsWith("{sha256}")) {
            String hex = text.substring(8).toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalStateException(where + ": {sha256} must be followed by 64 hex digits");
            }
            return new SecretHash(Kind.SHA256, hex);
        }
        if (text.startsWith("{bcrypt}")) {
            return new SecretHash(Kind.BCRYPT, text.substring(8));
        }
        throw new IllegalStateException(where + ": hash must start with {sha256} or {bcrypt} (plain secrets are refused)");
    }

    static String sha256Hex(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this {@code {sha256}} hash is the given digest (constant time); false for a bcrypt hash. */
    boolean matchesSha256(String secretSha256Hex) {
        return kind == Kind.SHA256 && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                secretSha256Hex.getBytes(StandardCharsets.US_ASCII));
    }
}
