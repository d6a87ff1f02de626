package org.cinemates.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/** The request id that nginx passes on (or that a service makes up when called directly). */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String ATTRIBUTE = RequestIds.class.getName();

    /** Only ids that are safe to echo into logs and headers are accepted from clients. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {}

    static boolean isSafe(@Nullable String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches();
    }

    public static @Nullable String current(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id instanceof String s ? s : null;
    }

    /** The trace id from the tracing context when there is one, else the request id. */
    public static @Nullable String traceId(@Nullable HttpServletRequest request) {
        String traceId = MDC.get("traceId");
        if (traceId != null && !traceId.isBlank()) {
            return traceId;
        }
        return request != null ? current(request) : MDC.get(MDC_KEY);
    }
}
