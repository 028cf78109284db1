package io.mipgate.api;

import io.mipgate.api.problem.FieldProblem;
import io.mipgate.api.problem.ProblemType;
import io.mipgate.api.problem.ProblemWriter;
import io.mipgate.domain.Printable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses malformed API requests before any handler sees them: a body without a {@code Content-Type} (it would be
 * taken for raw bytes), a content type that is unparseable or a wildcard ({@code *}{@code /*} is an Accept value,
 * not a body's type), and a query parameter with a control character (Spring's converters trim those away and then
 * apply the default, so {@code ?async=%00} would have meant {@code async=false}).
 */
@Component
class RequestShapeFilter extends OncePerRequestFilter {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(ApiPaths.BASE + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (contentType == null && hasBody && BODY_METHODS.contains(request.getMethod())) {
            refuse(request, response, ProblemType.UNSUPPORTED_MEDIA_TYPE, "a request body needs a Content-Type"
                    + " (application/json, or application/octet-stream where raw bytes are taken)", "Content-Type", null);
            return;
        }
        if (contentType != null) {
            String problem = wrongContentType(contentType);
            if (problem != null) {
                refuse(request, response, ProblemType.UNSUPPORTED_MEDIA_TYPE, problem, "Content-Type", contentType);
                return;
            }
        }
        Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            // a form field without '=' has no value: Spring's form parsing gives null, not ""
            String[] values = request.getParameterValues(name);
            for (String value : values == null ? new String[] {null} : values) {
                if (hasControlCharacter(name) || value != null && hasControlCharacter(value)) {
                    refuse(request, response, ProblemType.INVALID_REQUEST, Printable.escape(name, 40)
                            + ": control characters are not allowed", Printable.escape(name, 40), value);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static String wrongContentType(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype()
                    ? "Content-Type " + Printable.escape(contentType, 60) + " is a wildcard: name the body's type" : null;
        } catch (InvalidMediaTypeException e) {
            return "Content-Type " + Printable.escape(contentType, 60) + " is not a media type";
        }
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail,
                               String field, String rejected) throws IOException {
        ProblemWriter.write(response, type.status().value(), type, detail, Printable.escape(request.getRequestURI(), 200),
                List.of(new FieldProblem(field, FieldProblem.shown(rejected), detail)));
    }
}
