package io.mipgate.api.problem;

import java.util.List;

/** A failure the API itself detects (as opposed to one the module or the encoders report). */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final String moduleId;
    private final List<FieldProblem> errors;

    public ApiException(ProblemType type, String detail, String moduleId, List<FieldProblem> errors) {
        super(detail);
        this.type = type;
        this.moduleId = moduleId;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ApiException(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    /** A 400 naming one field. */
    public static ApiException invalid(String field, Object value, String message) {
        return new ApiException(ProblemType.INVALID_REQUEST, field + ": " + message, null,
                List.of(new FieldProblem(field, FieldProblem.shown(value), message)));
    }

    public ProblemType type() {
        return type;
    }

    public String moduleId() {
        return moduleId;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
