package io.mipgate.api.problem;

import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.domain.UnsupportedOnModelException;
import io.mipgate.module.ModuleException;
import io.mipgate.module.ModuleStatus;
import io.mipgate.module.UnknownModuleException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.springframework.http.ProblemDetail;

/**
 * Turns every failure a client can cause, and every failure a module reports, into one problem: the same mapping for
 * synchronous answers and for the {@code problem} of an asynchronous job.
 */
public final class Problems {

    static final Duration QUEUE_FULL_RETRY = Duration.ofSeconds(1);
    static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(5);
    static final Duration FAILED_RETRY = Duration.ofSeconds(30);

    private Problems() {
    }

    /** A problem with a {@code Retry-After} hint (null when none applies). */
    public record Mapped(ProblemDetail problem, Duration retryAfter) {
    }

    /** The failure behind future and reflection wrappers. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Maps a known failure; returns null for anything the API does not know (a bug: the caller answers 500). */
    public static Mapped map(Throwable failure) {
        Throwable t = unwrap(failure);
        return switch (t) {
            case ApiException api -> plain(problem(api.type(), api.getMessage(), api.moduleId(), api.errors()));
            case UnsupportedOnModelException unsupported -> {
                ProblemDetail p = problem(ProblemType.UNSUPPORTED_ON_MODEL, unsupported.getMessage(), null, null);
                p.setProperty("model", unsupported.model());
                p.setProperty("feature", unsupported.parameter());
                yield plain(p);
            }
            case InvalidParameterException invalid -> {
                ProblemDetail p = problem(ProblemType.INVALID_REQUEST, invalid.getMessage(), null,
                        List.of(new FieldProblem(invalid.parameter(), FieldProblem.shown(invalid.value()),
                                "allowed " + invalid.allowed())));
                if (invalid.model() != null) {
                    p.setProperty("model", invalid.model());
                }
                yield plain(p);
            }
            case UnknownModuleException unknown ->
                    plain(problem(ProblemType.UNKNOWN_MODULE, unknown.getMessage(), unknown.moduleId(), null));
            case ModuleException.ModuleRefused refused -> {
                // an NB module's failed open carries no code; it is the failure a Cat.1 module reports as 557-559
                ModuleErrorProblem row = refused.uncodedOpenFailure() ? ModuleErrorProblem.PEER_FAILURE
                        : ModuleErrorProblem.of(refused.code());
                ProblemDetail p = problem(row.type(), refused.getMessage(), refused.moduleId(), null);
                if (refused.code() != null) {
                    p.setProperty("cmeCode", refused.code());
                    p.setProperty("cmeName", refused.errorName());
                    p.setProperty("cmeMeaning", ModuleErrorCode.meaningOf(refused.code()));
                } else if (refused.errorName() != null) {
                    p.setProperty("cmeName", refused.errorName());
                }
                yield new Mapped(p, row.retryAfter());
            }
            case ModuleException.StateConflict conflict ->
                    plain(problem(ProblemType.STATE_CONFLICT, conflict.getMessage(), conflict.moduleId(), null));
            case ModuleException.SendOutcomeUnknown unknown -> {
                ProblemDetail p = problem(ProblemType.MODULE_TIMEOUT, unknown.getMessage(), unknown.moduleId(), null);
                p.setProperty("delivered", "unknown");
                p.setProperty("connectId", unknown.connectId());
                p.setProperty("acceptedBefore", unknown.acceptedBefore());
                yield plain(p);
            }
            case ModuleException.LookupFailed failed -> {
                ProblemDetail p = problem(ProblemType.DNS_FAILED, failed.getMessage(), failed.moduleId(), null);
                p.setProperty("domain", failed.domain());
                yield plain(p);
            }
            case ModuleException.ModuleTimeout timeout ->
                    plain(problem(ProblemType.MODULE_TIMEOUT, timeout.getMessage(), timeout.moduleId(), null));
            case ModuleException.QueueFull full ->
                    new Mapped(problem(ProblemType.QUEUE_FULL, full.getMessage(), full.moduleId(), null), QUEUE_FULL_RETRY);
            case ModuleException.ModuleUnavailable unavailable -> {
                ProblemDetail p = problem(ProblemType.MODULE_UNAVAILABLE, unavailable.getMessage(),
                        unavailable.moduleId(), null);
                p.setProperty("moduleStatus", unavailable.status().name());
                yield new Mapped(p, unavailable.status() == ModuleStatus.FAILED ? FAILED_RETRY : UNAVAILABLE_RETRY);
            }
            case ModuleException.Cancelled cancelled ->
                    new Mapped(problem(ProblemType.CANCELLED, cancelled.getMessage(), cancelled.moduleId(), null),
                            UNAVAILABLE_RETRY);
            case CancellationException cancelled ->
                    new Mapped(problem(ProblemType.CANCELLED, "the operation was cancelled", null, null), UNAVAILABLE_RETRY);
            default -> null;
        };
    }

    public static ProblemDetail problem(ProblemType type, String detail, String moduleId, List<FieldProblem> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(type.status(), detail);
        p.setType(type.uri());
        p.setTitle(type.title());
        if (moduleId != null) {
            p.setProperty("moduleId", moduleId);
        }
        if (errors != null && !errors.isEmpty()) {
            p.setProperty("errors", errors);
        }
        return p;
    }

    private static Mapped plain(ProblemDetail problem) {
        return new Mapped(problem, null);
    }
}
