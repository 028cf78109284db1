package io.mipgate.config.startup;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * The embedded H2 file is open in another process, most often a second gateway started in the same directory: H2
 * allows one process per file (the URL says AUTO_SERVER=FALSE), and says so with its error 90020.
 */
public class DatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** H2's DATABASE_ALREADY_OPEN_1: "Database may be already in use". */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final Environment environment;

    public DatabaseInUseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (cause.getErrorCode() != H2_DATABASE_ALREADY_OPEN) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url not set)");
        return new FailureAnalysis("Database in use: " + url.replaceFirst(";.*", "")
                + " is open in another process (is another mipgate running in this directory?).",
                "Stop the other one, or give this one a file of its own: --mipgate.store.h2-file=./data/second.",
                cause);
    }
}
