package io.mipgate.api.security;

import io.mipgate.api.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, written by the security filters before any controller runs. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> write(request, response, ProblemType.UNAUTHORIZED,
                "send an API key in X-API-Key or HTTP Basic credentials");
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(request, response, ProblemType.FORBIDDEN,
                "the role of these credentials does not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (type == ProblemType.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"mipgate\", ApiKey header=\"X-API-Key\"");
        }
        String body = "{\"type\":\"" + type.uri() + "\",\"title\":\"" + json(type.title()) + "\",\"status\":"
                + type.status().value() + ",\"detail\":\"" + json(detail) + "\",\"instance\":\""
                + json(request.getRequestURI()) + "\"}";
        response.getWriter().write(body);
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
