package io.mipgate.api.problem;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report for what it refuses before any servlet runs (a malformed URL such as an encoded NUL, a bad
 * header): a problem instead of an HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        ProblemType type = ProblemWriter.typeOf(status);
        try {
            response.setSuspended(false);
            ProblemWriter.write(response.getResponse(), status, type,
                    status >= 500 ? type.title() : "the server refused the request before reading it", null, null);
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; nothing left to tell the client
        }
    }
}
