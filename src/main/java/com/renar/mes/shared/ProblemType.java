package com.renar.mes.shared;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The stable problem types (RFC 9457 {@code type}) this API answers with. Clients may switch on the URI; the
 * slug never changes meaning once released. Documented in docs/problems.md.
 */
public enum ProblemType {
    VALIDATION("validation", HttpStatus.BAD_REQUEST, "Validation failed"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
    INVALID_CREDENTIALS("invalid-credentials", HttpStatus.UNAUTHORIZED, "Invalid credentials"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    UNPROCESSABLE("unprocessable", HttpStatus.UNPROCESSABLE_CONTENT, "Request cannot be processed"),
    IDEMPOTENCY_KEY_REUSED(
            "idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused for another request"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    public static final String BASE_URI = "https://mes.renar.com.br/problems/";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE_URI + slug);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String slug() {
        return slug;
    }
}
