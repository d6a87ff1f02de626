package org.cinemates.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where exceptions become RFC 9457 problem details, for every service. Whatever a
 * client sent, the answer is a 4xx with a useful {@code detail}; a 500 means a bug of ours and
 * says nothing about our internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = fieldErrors(ex.getBindingResult());
        return validationProblem(errors, ex, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new FieldError(name != null ? name : "parameter", message(error)));
            }
        });
        return validationProblem(errors, ex, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLarge tooLarge = findCause(ex, BodyTooLarge.class);
        if (tooLarge != null) {
            return handleExceptionInternal(ex, tooLarge.getBody(), headers, tooLarge.getStatusCode(), request);
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", "");
        JacksonException json = findCause(ex, JacksonException.class);
        String field = json != null ? jsonPath(json) : "";
        if (json instanceof UnrecognizedPropertyException unknown) {
            problem.setDetail("Unknown field '" + unknown.getPropertyName() + "'");
            problem.setProperty("errors", List.of(new FieldError(field, "is not a known field")));
        } else if (json instanceof MismatchedInputException mismatch && !field.isEmpty()) {
            String expected = describe(mismatch.getTargetType());
            problem.setDetail("Field '" + field + "' must be " + expected);
            problem.setProperty("errors", List.of(new FieldError(field, "must be " + expected)));
        } else if (json instanceof StreamReadException) {
            problem.setDetail("The request body is not valid JSON");
        } else {
            problem.setDetail("The request body is missing or cannot be read");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String field = name != null ? name : "parameter";
        String expected = describe(ex.getRequiredType());
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST, "validation", "Invalid request", "'" + field + "' must be " + expected);
        problem.setProperty("errors", List.of(new FieldError(field, "must be " + expected)));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .collect(Collectors.toList());
        ResponseEntity<Object> response = validationProblem(errors, ex, new HttpHeaders(), request);
        return response != null ? response : ResponseEntity.badRequest().build();
    }

    /**
     * Reached only when two requests race past the service's own checks (the same username
     * registered twice at once, two edits of one record): the loser gets the answer it would have
     * got a moment later.
     */
    @ExceptionHandler({DataIntegrityViolationException.class, ConcurrencyFailureException.class})
    @Nullable
    ResponseEntity<Object> conflict(NestedRuntimeException ex, WebRequest request) {
        log.info(
                "Concurrent change answered with 409: {}",
                ex.getMostSpecificCause().getMessage());
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT, "conflict", "Conflict", "A concurrent change got there first; try again");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /**
     * The firewall checks parameter names and values only when they are first read, inside the
     * handler (a form body whose names hold control characters, say): the same 400 as for a URL
     * it refuses up front.
     */
    @ExceptionHandler(RequestRejectedException.class)
    @Nullable
    ResponseEntity<Object> rejected(RequestRejectedException ex, WebRequest request) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "bad-request",
                "Bad request",
                "The request holds characters that are not allowed");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    @Nullable
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        ProblemDetail problem =
                Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", "You need to log in first");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.UNAUTHORIZED, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    @Nullable
    ResponseEntity<Object> forbidden(AccessDeniedException ex, WebRequest request) {
        ProblemDetail problem =
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(Exception.class)
    @Nullable
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error", ex);
        ProblemDetail problem = Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "Something went wrong on our side; the trace id identifies it in our logs");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            HttpServletRequest servletRequest =
                    request instanceof NativeWebRequest nwr ? nwr.getNativeRequest(HttpServletRequest.class) : null;
            complete(problem, servletRequest);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** Fills in what every Cinemates problem carries: a stable type, the path and a trace id. */
    static void complete(ProblemDetail problem, @Nullable HttpServletRequest request) {
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            problem.setType(Problems.type(slugFor(problem.getStatus())));
        }
        if (problem.getInstance() == null && request != null) {
            problem.setInstance(URI.create(safePath(request.getRequestURI())));
        }
        String traceId = RequestIds.traceId(request);
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
    }

    private @Nullable ResponseEntity<Object> validationProblem(
            List<FieldError> errors, Exception ex, HttpHeaders headers, WebRequest request) {
        ValidationFailed failure = new ValidationFailed(errors);
        return handleExceptionInternal(ex, failure.getBody(), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        for (org.springframework.validation.FieldError error : result.getFieldErrors()) {
            errors.add(new FieldError(error.getField(), message(error)));
        }
        for (ObjectError error : result.getGlobalErrors()) {
            errors.add(new FieldError(error.getObjectName(), message(error)));
        }
        return errors;
    }

    private static String message(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        return message != null ? message : "is invalid";
    }

    private static String jsonPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time";
        }
        return "an object";
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    static String slugFor(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            return "http-" + status;
        }
        return switch (known) {
            case INTERNAL_SERVER_ERROR -> "internal";
            case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> "payload-too-large";
            default -> known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    private static String safePath(String uri) {
        try {
            return URI.create(uri).getRawPath();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
