package io.mipgate.api.security;

import io.mipgate.api.problem.ProblemType;
import io.mipgate.api.problem.ProblemWriter;
import io.mipgate.domain.Printable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** 401, 403 and firewall rejections as problem+json, written by the security filters before any controller runs. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized(SlowHashBudget budget) {
        return (request, response, exception) -> {
            if (exception instanceof CredentialCheckDeferred) {
                deferred(request, response, budget);
            } else {
                write(request, response, ProblemType.UNAUTHORIZED,
                        "send an API key in X-API-Key or HTTP Basic credentials");
            }
        };
    }

    /** A credential that needs a slow hash while the budget is spent: not checked, not refused, asked again later. */
    static void deferred(HttpServletRequest request, HttpServletResponse response, SlowHashBudget budget)
            throws IOException {
        if (!response.isCommitted()) {
            response.setHeader("Retry-After", Long.toString(budget.retryAfterSeconds()));
        }
        write(request, response, ProblemType.CREDENTIAL_CHECKS_BUSY,
                "too many credentials that need a slow hash check; retry later");
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(request, response, ProblemType.FORBIDDEN,
                "the role of these credentials does not allow " + request.getMethod() + " "
                        + Printable.escape(request.getRequestURI(), 200));
    }

    /** A URL the firewall refuses (encoded slash or dot segment, control character, unknown method...). */
    static RequestRejectedHandler rejected() {
        return (request, response, exception) -> write(request, response, ProblemType.INVALID_REQUEST,
                "request rejected: " + Printable.escape(exception.getMessage(), 200));
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        if (type == ProblemType.UNAUTHORIZED && !response.isCommitted()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"mipgate\", ApiKey header=\"X-API-Key\"");
        }
        ProblemWriter.write(response, type.status().value(), type, detail,
                Printable.escape(request.getRequestURI(), 200), null);
    }
}
