package io.mipgate.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of every controller (the API's and any other under {@code /api/v1}) as {@code application/problem+json}
 * with a stable {@link ProblemType}. Spring MVC's own failures (unknown route, wrong method or media type, unreadable
 * JSON, failed validation) come through {@link #handleExceptionInternal} so they carry a type too.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleAny(Exception exception, HttpServletRequest request) {
        Problems.Mapped mapped = Problems.map(exception);
        if (mapped == null) {
            String correlationId = UUID.randomUUID().toString();
            log.error("unexpected failure on {} {} correlationId={}", request.getMethod(), request.getRequestURI(),
                    correlationId, Problems.unwrap(exception));
            ProblemDetail problem = Problems.problem(ProblemType.INTERNAL_ERROR,
                    "unexpected failure; quote correlationId " + correlationId, null, null);
            problem.setProperty("correlationId", correlationId);
            mapped = new Problems.Mapped(problem, null);
        }
        return respond(mapped, request.getRequestURI());
    }

    public static ResponseEntity<ProblemDetail> respond(Problems.Mapped mapped, String path) {
        ProblemDetail problem = mapped.problem();
        problem.setInstance(URI.create(path));
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (mapped.retryAfter() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(mapped.retryAfter().toSeconds()));
        }
        return builder.body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), FieldProblem.shown(error.getRejectedValue()),
                    error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new FieldProblem(error.getObjectName(), null, error.getDefaultMessage())));
        return invalid("request body failed validation", errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fe ? name + "." + fe.getField() : name;
                errors.add(new FieldProblem(field, FieldProblem.shown(result.getArgument()), error.getDefaultMessage()));
            }
        });
        return invalid("request parameters failed validation", errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException json && !json.getPath().isEmpty()) {
                String field = json.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
                String message = json instanceof tools.jackson.databind.exc.UnrecognizedPropertyException
                        ? "unknown field" : io.mipgate.domain.Printable.escape(firstClause(json.getOriginalMessage()), 200);
                return invalid("malformed request body: " + field + ": " + message,
                        List.of(new FieldProblem(field, null, message)), request);
            }
        }
        return invalid("malformed request body: " + io.mipgate.domain.Printable.escape(firstClause(rootMessage(ex)), 200), List.of(), request);
    }

    /**
     * Constraints checked by a validating proxy rather than by Spring MVC itself (a {@code @Validated} bean): still
     * the client's mistake, named by the parameter's path ({@code method.parameter}, the method's name dropped).
     */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(jakarta.validation.ConstraintViolationException ex,
                                                     WebRequest request) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream().map(violation -> {
            String path = violation.getPropertyPath().toString();
            String field = path.contains(".") ? path.substring(path.indexOf('.') + 1) : path;
            return new FieldProblem(field, FieldProblem.shown(violation.getInvalidValue()), violation.getMessage());
        }).toList();
        return invalid("request parameters failed validation", errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        String allowed = ex.getRequiredType() != null && ex.getRequiredType().isEnum()
                ? "one of " + java.util.Arrays.toString(ex.getRequiredType().getEnumConstants())
                : "a value of type " + (ex.getRequiredType() == null ? "?" : ex.getRequiredType().getSimpleName());
        return invalid(ex.getName() + ": " + allowed,
                List.of(new FieldProblem(ex.getName(), FieldProblem.shown(ex.getValue()), allowed)), request);
    }

    private ResponseEntity<Object> invalid(String detail, List<FieldProblem> errors, WebRequest request) {
        ProblemDetail problem = Problems.problem(ProblemType.INVALID_REQUEST, detail, null, errors);
        return new ResponseEntity<>(finish(problem, request), problemHeaders(), problem.getStatus());
    }

    /** Gives Spring MVC's own problems (404 route, 405, 406, 415, missing parameter, ...) a stable type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        ProblemType type = switch (statusCode.value()) {
            case 400 -> ProblemType.INVALID_REQUEST;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.MODULE_UNAVAILABLE;
            default -> statusCode.is4xxClientError() ? ProblemType.INVALID_REQUEST : ProblemType.INTERNAL_ERROR;
        };
        problem.setType(type.uri());
        problem.setTitle(type.title());
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(finish(problem, request), merged, statusCode);
    }

    private static ProblemDetail finish(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return problem;
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }

    /** Jackson's messages name Java classes after the first clause; the client needs only the first. */
    private static String firstClause(String message) {
        if (message == null) {
            return "unreadable";
        }
        String m = message.replaceAll("`[a-z]+(\\.[a-zA-Z0-9_$]+)+`", "value").replaceAll(" \\(class [^)]*\\)", "");
        int newline = m.indexOf('\n');
        return newline > 0 ? m.substring(0, newline) : m;
    }

    private static String rootMessage(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
