package com.renar.mes.platform.web;

import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that reaches the MVC layer into an RFC 9457 problem with a stable type. Details are
 * written for people; nothing from an exception message that could carry SQL, class names or internals is
 * echoed. Unexpected errors are logged with the request id and answered with a bare 500.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(MesProblemException.class)
    ResponseEntity<ProblemDetail> handleMes(MesProblemException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(e.type(), e.getMessage(), request);
        e.properties().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(
            MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(
                Problems.of(ProblemType.VALIDATION, "Parameter '" + e.getName() + "' has an invalid value", request));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(
            ConstraintViolationException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION, "The request has invalid values", request);
        problem.setProperty(
                "errors",
                e.getConstraintViolations().stream()
                        .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                        .toList());
        return respond(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> handleOptimisticLock(
            OptimisticLockingFailureException e, HttpServletRequest request) {
        return respond(Problems.of(
                ProblemType.CONFLICT,
                "The record was changed by someone else in the meantime; reload it and try again",
                request));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> handleIntegrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("Data integrity violation on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return respond(Problems.of(
                ProblemType.CONFLICT,
                "The change conflicts with existing data (a duplicate key or a record still in use)",
                request));
    }

    @ExceptionHandler({AccessDeniedException.class})
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException e, HttpServletRequest request) {
        return respond(Problems.of(ProblemType.FORBIDDEN, "Your role may not perform this action", request));
    }

    @ExceptionHandler({AuthenticationException.class})
    ResponseEntity<ProblemDetail> handleAuthentication(AuthenticationException e, HttpServletRequest request) {
        return respond(Problems.of(ProblemType.UNAUTHORIZED, "A valid access token is required", request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(
                ProblemType.INTERNAL, "An unexpected error occurred; quote the request id when reporting it", request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION, "The request has invalid fields", servlet(request));
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::fieldProblem)
                .toList();
        List<FieldProblem> global = e.getBindingResult().getGlobalErrors().stream()
                .map(g -> new FieldProblem(g.getObjectName(), g.getDefaultMessage()))
                .toList();
        problem.setProperty("errors", concat(errors, global));
        return new ResponseEntity<>(problem, headers, problem.getStatus());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION, "The request has invalid values", servlet(request));
        problem.setProperty(
                "errors",
                e.getParameterValidationResults().stream()
                        .flatMap(r -> r.getResolvableErrors().stream()
                                .map(err -> new FieldProblem(
                                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                        .toList());
        return new ResponseEntity<>(problem, headers, problem.getStatus());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodySizeLimitFilter.BodyTooLargeException tooLarge = tooLarge(e);
        if (tooLarge != null) {
            // the body size limit cut off a body of unknown length while the JSON reader consumed it
            return problem(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), headers, request);
        }
        return problem(
                ProblemType.MALFORMED_REQUEST,
                "The request body is missing or is not valid JSON of the expected shape",
                headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(
                ProblemType.VALIDATION,
                "Required parameter '" + e.getParameterName() + "' is missing",
                headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String allowed = e.getSupportedHttpMethods() == null
                ? ""
                : " (allowed: "
                        + String.join(
                                ", ",
                                e.getSupportedHttpMethods().stream()
                                        .map(Object::toString)
                                        .toList())
                        + ")";
        return problem(
                ProblemType.METHOD_NOT_ALLOWED,
                "Method " + e.getMethod() + " is not supported here" + allowed,
                headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(
                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Content type "
                        + (e.getContentType() == null
                                ? "(none)"
                                : e.getContentType().toString()) + " is not supported; send application/json",
                headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ProblemType.NOT_FOUND, "No endpoint at this path", headers, request);
    }

    /** Everything else Spring MVC knows about keeps its status, gets our type and a safe detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemType type = typeFor(status);
        ProblemDetail problem = Problems.of(type, type.title(), servlet(request));
        problem.setStatus(status.value());
        return new ResponseEntity<>(problem, headers, status);
    }

    private ResponseEntity<Object> problem(ProblemType type, String detail, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = Problems.of(type, detail, servlet(request));
        return new ResponseEntity<>(problem, headers, problem.getStatus());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemType typeFor(HttpStatusCode status) {
        for (ProblemType type : ProblemType.values()) {
            if (type.status().value() == status.value()) {
                return type;
            }
        }
        return status.is4xxClientError() ? ProblemType.MALFORMED_REQUEST : ProblemType.INTERNAL;
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return request instanceof NativeWebRequest nwr ? nwr.getNativeRequest(HttpServletRequest.class) : null;
    }

    private static BodySizeLimitFilter.BodyTooLargeException tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage());
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return b.isEmpty()
                ? a
                : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** One invalid field: its name and what is wrong with it. */
    record FieldProblem(String field, String message) {}
}
