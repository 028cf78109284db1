package io.mipgate.config.startup;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * The history database cannot be reached at start-up (server down, wrong host or port, refused credentials): the
 * JDBC URL and the driver's reason in one line, instead of Hikari's and Flyway's stack traces.
 */
public class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    public DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState();
        boolean connection = (state != null && (state.startsWith("08") || state.startsWith("28")))
                || findCause(rootFailure, ConnectException.class) != null
                || findCause(rootFailure, UnknownHostException.class) != null;
        if (!connection) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url not set)");
        return new FailureAnalysis("Database unreachable: " + url + ": " + firstLine(cause.getMessage()),
                "Start the database or point spring.datasource.url/username/password at it (README \"PostgreSQL"
                        + " instead of H2\").", cause);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
