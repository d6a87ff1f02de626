package org.cinemates.platform.outbox;

import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Carries the W3C trace context ({@code traceparent}) of the request that wrote an event through
 * the outbox, so the relay's delivery and every service that processes the event continue that
 * trace, and their log lines carry its id.
 *
 * <p>A traceparent read from a delivered event comes from another process: it is used only when
 * it is well-formed (version {@code 00}, non-zero ids); otherwise the event starts a trace of its
 * own. It is never logged as received.
 */
public class EventTraces {

    /** Without tracing: events carry no trace context, and work runs as it would anyway. */
    public static final EventTraces NONE = new EventTraces(Tracer.NOOP);

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String NO_TRACE_ID = "0".repeat(32);
    private static final String NO_SPAN_ID = "0".repeat(16);

    private final Tracer tracer;

    public EventTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The traceparent of the current span; null outside a trace. */
    public @Nullable String current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        String traceparent = "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
        return wellFormed(traceparent) != null ? traceparent : null;
    }

    /**
     * Runs {@code work} in a new span that continues the trace of {@code traceparent}, or starts
     * a new trace when it is missing or malformed.
     */
    public <T> T continueTrace(@Nullable String traceparent, String spanName, Supplier<T> work) {
        TraceContext parent = parent(traceparent);
        Span.Builder builder = tracer.spanBuilder().name(spanName);
        Span span = (parent == null ? builder.setNoParent() : builder.setParent(parent)).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    public void continueTrace(@Nullable String traceparent, String spanName, Runnable work) {
        continueTrace(traceparent, spanName, () -> {
            work.run();
            return true;
        });
    }

    /**
     * Log lines written while the scope is open carry the ids of {@code traceparent}; a scope that
     * changes nothing when it is missing or malformed.
     */
    CurrentTraceContext.Scope logUnder(@Nullable String traceparent) {
        TraceContext context = parent(traceparent);
        return context == null ? () -> {} : tracer.currentTraceContext().newScope(context);
    }

    private @Nullable TraceContext parent(@Nullable String traceparent) {
        Matcher w3c = wellFormed(traceparent);
        if (w3c == null) {
            return null;
        }
        return tracer.traceContextBuilder()
                .traceId(w3c.group(1))
                .spanId(w3c.group(2))
                .sampled((Integer.parseInt(w3c.group(3), 16) & 1) == 1)
                .build();
    }

    /** Its trace id, span id and flags, if it is a traceparent of version 00 with non-zero ids. */
    private static @Nullable Matcher wellFormed(@Nullable String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Matcher w3c = TRACEPARENT.matcher(traceparent);
        return w3c.matches()
                        && !w3c.group(1).equals(NO_TRACE_ID)
                        && !w3c.group(2).equals(NO_SPAN_ID)
                ? w3c
                : null;
    }
}
