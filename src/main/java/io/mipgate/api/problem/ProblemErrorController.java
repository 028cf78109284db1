package io.mipgate.api.problem;

import io.mipgate.domain.Printable;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page, in place of Spring Boot's JSON/HTML one: whatever the servlet container or a filter answered with
 * {@code sendError} (an unknown method such as TRACE, a rejected URL, an oversized header...) reaches the client as a
 * problem, whatever it accepts. Details of a 5xx stay in the log.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : HttpStatus.NOT_FOUND.value();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemType type = ProblemWriter.typeOf(status);
        if (status >= 500) {
            log.error("error page for {} {}: status {}", request.getAttribute(RequestDispatcher.ERROR_METHOD), uri, status,
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        String detail = status >= 500 ? type.title() : describe(status, request);
        ProblemWriter.write(response, status, type, detail,
                uri == null ? null : Printable.escape(uri.toString(), 200), null);
    }

    private static String describe(int status, HttpServletRequest request) {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String reason = HttpStatus.resolve(status) == null ? "HTTP " + status : HttpStatus.resolve(status).getReasonPhrase();
        return message == null || message.toString().isBlank() ? reason
                : reason + ": " + Printable.escape(message.toString(), 200);
    }
}
