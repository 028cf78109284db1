package io.mipgate.api.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mipgate.security.*}: who may call the API. Only hashes are configured, never secrets.
 *
 * <pre>
 * mipgate:
 *   security:
 *     api-keys:
 *       - name: dashboard
 *         hash: "{sha256}9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
 *         role: OPERATOR
 *       - name: ops                     # a bcrypt key is found by its id (the key's leading characters) first
 *         key-id: "mgk_ops1_"
 *         hash: "{bcrypt}$2a$10$..."
 *         role: ADMIN
 *     users:
 *       - username: alice
 *         password-hash: "{bcrypt}$2a$10$..."
 *         role: ADMIN
 *     metrics-token: "{sha256}..."      # Bearer token for /actuator/prometheus on the API port
 *     docs-public: false                # Swagger UI and /v3/api-docs without credentials
 * </pre>
 */
@ConfigurationProperties("mipgate.security")
public class SecurityProperties {

    private List<ApiKey> apiKeys = new ArrayList<>();
    private List<User> users = new ArrayList<>();
    private String metricsToken;
    private boolean docsPublic;

    public List<ApiKey> getApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(List<ApiKey> apiKeys) {
        this.apiKeys = apiKeys;
    }

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    public String getMetricsToken() {
        return metricsToken;
    }

    public void setMetricsToken(String metricsToken) {
        this.metricsToken = metricsToken;
    }

    public boolean isDocsPublic() {
        return docsPublic;
    }

    public void setDocsPublic(boolean docsPublic) {
        this.docsPublic = docsPublic;
    }

    /**
     * A key sent in {@code X-API-Key}; {@code hash} is {@code {sha256}<hex>} or {@code {bcrypt}<hash>}. A bcrypt key
     * also needs {@code key-id}: the leading characters of the key, by which it is found without a bcrypt check.
     */
    public static class ApiKey {
        private String name;
        private String keyId;
        private String hash;
        private Role role = Role.VIEWER;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getKeyId() {
            return keyId;
        }

        public void setKeyId(String keyId) {
            this.keyId = keyId;
        }

        public String getHash() {
            return hash;
        }

        public void setHash(String hash) {
            this.hash = hash;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }
    }

    /** An HTTP Basic user; {@code password-hash} in Spring's {@code {id}hash} form, e.g. {@code {bcrypt}$2a$10$...}. */
    public static class User {
        private String username;
        private String passwordHash;
        private Role role = Role.VIEWER;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }
    }
}
