package io.mipgate.store;

import io.mipgate.testsupport.RequiredFacility;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the store tests run against: a Testcontainers server where a Docker daemon answers, else the server
 * in {@code MIPGATE_TEST_POSTGRES_URL} (user {@code MIPGATE_TEST_POSTGRES_USER}, default {@code postgres}; password
 * {@code MIPGATE_TEST_POSTGRES_PASSWORD}, default none), else none: the tests skip, except under {@code CI=true}
 * where a missing database fails them. Each test class gets its own schema.
 */
public final class PostgresTestDatabase implements ExecutionCondition {

    public record Server(String url, String user, String password, String origin) {

        public String urlWithSchema(String schema) {
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
    }

    private static Optional<Server> server;
    private static PostgreSQLContainer container;

    public static synchronized Optional<Server> server() {
        if (server == null) {
            server = locate();
        }
        return server;
    }

    private static Optional<Server> locate() {
        if (dockerAvailable()) {
            container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return Optional.of(new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers"));
        }
        String url = System.getenv("MIPGATE_TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault("MIPGATE_TEST_POSTGRES_USER", "postgres");
            String password = System.getenv().getOrDefault("MIPGATE_TEST_POSTGRES_PASSWORD", "");
            return Optional.of(new Server(url.trim(), user, password, "MIPGATE_TEST_POSTGRES_URL"));
        }
        return Optional.empty();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Server> found = server();
        if (found.isPresent()) {
            return ConditionEvaluationResult.enabled("PostgreSQL from " + found.get().origin());
        }
        if (RequiredFacility.inCi()) {
            throw new IllegalStateException("CI=true but no PostgreSQL for the store tests: no Docker daemon and"
                    + " MIPGATE_TEST_POSTGRES_URL is not set");
        }
        return ConditionEvaluationResult.disabled("no Docker daemon and no MIPGATE_TEST_POSTGRES_URL");
    }

    /** A fresh, empty schema for one test class. */
    public static String createSchema() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    public static void dropSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        Server s = server().orElseThrow();
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL " + s.origin() + ": " + sql + " failed", e);
        }
    }
}
