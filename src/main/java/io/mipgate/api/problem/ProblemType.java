package io.mipgate.api.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The stable list of problem kinds the API reports (RFC 9457 {@code type}). A dashboard switches on the type, not on
 * the text; new kinds are added, existing ones never change meaning.
 */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed for this role"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "No such resource"),
    UNKNOWN_MODULE("unknown-module", HttpStatus.NOT_FOUND, "Unknown module"),
    UNKNOWN_CONNECTION("unknown-connection", HttpStatus.NOT_FOUND, "Unknown connection"),
    UNKNOWN_JOB("unknown-job", HttpStatus.NOT_FOUND, "Unknown job"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    STATE_CONFLICT("state-conflict", HttpStatus.CONFLICT, "Conflicts with the connection or module state"),
    MODULE_REFUSED("module-refused", HttpStatus.UNPROCESSABLE_CONTENT, "Refused by the module"),
    MODULE_BUSY("module-busy", HttpStatus.SERVICE_UNAVAILABLE, "Module busy with the same kind of request"),
    NETWORK_UNAVAILABLE("network-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
            "No cellular data service (SIM, registration or PDP context)"),
    NETWORK_FAILURE("network-failure", HttpStatus.BAD_GATEWAY, "The network or the remote peer failed"),
    DNS_FAILED("dns-failed", HttpStatus.BAD_GATEWAY, "DNS resolution failed"),
    MODULE_FAULT("module-fault", HttpStatus.BAD_GATEWAY, "The module failed"),
    UNSUPPORTED_ON_MODEL("unsupported-on-model", HttpStatus.UNPROCESSABLE_CONTENT, "Not supported on this model"),
    QUEUE_FULL("queue-full", HttpStatus.TOO_MANY_REQUESTS, "Module job queue full"),
    TOO_MANY_STREAMS("too-many-streams", HttpStatus.TOO_MANY_REQUESTS, "Too many event streams"),
    CREDENTIAL_CHECKS_BUSY("credential-checks-busy", HttpStatus.TOO_MANY_REQUESTS,
            "Too many credentials awaiting a slow hash check"),
    MODULE_UNAVAILABLE("module-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Module unavailable"),
    CANCELLED("cancelled", HttpStatus.SERVICE_UNAVAILABLE, "Operation cancelled"),
    MODULE_TIMEOUT("module-timeout", HttpStatus.GATEWAY_TIMEOUT, "Module did not answer in time"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    public static final String BASE = "https://mipgate.io/problems/";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
