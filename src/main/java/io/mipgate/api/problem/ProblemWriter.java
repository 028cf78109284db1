package io.mipgate.api.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * Writes a problem straight to the servlet response, for the layers that answer before (or outside) Spring MVC: the
 * security filters, the request shape filter, the error page and Tomcat's own error report.
 */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, int status, ProblemType type, String detail, String instance,
                             List<FieldProblem> errors) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, type, detail, instance, errors));
        response.flushBuffer();
    }

    public static String json(int status, ProblemType type, String detail, String instance, List<FieldProblem> errors) {
        StringBuilder body = new StringBuilder(256).append("{\"type\":\"").append(type.uri()).append("\",\"title\":\"")
                .append(escape(type.title())).append("\",\"status\":").append(status).append(",\"detail\":\"")
                .append(escape(detail)).append('"');
        if (instance != null) {
            body.append(",\"instance\":\"").append(escape(instance)).append('"');
        }
        if (errors != null && !errors.isEmpty()) {
            body.append(",\"errors\":[");
            for (int i = 0; i < errors.size(); i++) {
                FieldProblem error = errors.get(i);
                body.append(i == 0 ? "" : ",").append("{\"field\":\"").append(escape(error.field())).append('"');
                if (error.rejected() != null) {
                    body.append(",\"rejected\":\"").append(escape(error.rejected())).append('"');
                }
                body.append(",\"message\":\"").append(escape(error.message())).append("\"}");
            }
            body.append(']');
        }
        return body.append('}').toString();
    }

    /** The problem kind of a status that a layer outside the API's handlers produced. */
    public static ProblemType typeOf(int status) {
        return switch (status) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 400 && status < 500 ? ProblemType.INVALID_REQUEST : ProblemType.INTERNAL_ERROR;
        };
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
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
