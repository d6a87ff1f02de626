package org.cinemates.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers a client sent that no handler could honour, answered before any handler runs, and error
 * answers that no shared cache may keep.
 *
 * <ul>
 *   <li>An {@code Accept} that does not parse is a 400 problem (otherwise each layer fails to
 *       negotiate its error answer, and the client gets an empty body).
 *   <li>A {@code Content-Type} that does not parse, or names a range such as {@code application/*}
 *       instead of a type, is a 415 problem.
 *   <li>Once an answer is an error, its {@code Cache-Control} is {@code no-store}, whatever the
 *       handler had set before it failed: one client's odd request must never become what nginx's
 *       micro-cache serves everybody. A 404 is the exception: whether a movie exists is the same
 *       for everyone, so what its handler says after the status is kept.
 * </ul>
 */
class RequestHeadersFilter extends OncePerRequestFilter {

    static final String NO_STORE = "no-store";

    private final ProblemWriter problems;

    RequestHeadersFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletResponse answer = new ErrorsNotStored(response);
        for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
            if (!parses(accept, true)) {
                problems.write(
                        request, answer, new ValidationFailed("Accept", "is not a list of media types").getBody());
                return;
            }
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !parses(contentType, false)) {
            problems.write(
                    request,
                    answer,
                    Problems.of(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported-media-type",
                            "Unsupported Media Type",
                            "Content-Type must name one media type, such as application/json"));
            return;
        }
        chain.doFilter(request, answer);
    }

    private static boolean parses(String header, boolean list) {
        if (header.length() > 1024) {
            return false;
        }
        try {
            if (list) {
                MediaType.parseMediaTypes(header);
                return true;
            }
            MediaType type = MediaType.parseMediaType(header);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException included
            return false;
        }
    }

    /** Turns the caching headers of an answer that became an error into no-store. */
    static final class ErrorsNotStored extends HttpServletResponseWrapper {

        private boolean locked;

        ErrorsNotStored(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status);
            becomes(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            becomes(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, @Nullable String message) throws IOException {
            becomes(status);
            super.sendError(status, message);
        }

        @Override
        public void setHeader(String name, @Nullable String value) {
            if (!(locked && isCaching(name))) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, @Nullable String value) {
            if (!(locked && isCaching(name))) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!(locked && isCaching(name))) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!(locked && isCaching(name))) {
                super.addDateHeader(name, date);
            }
        }

        private void becomes(int status) {
            if (status < 400 || isCommitted()) {
                return;
            }
            locked = false;
            super.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
            super.setHeader(HttpHeaders.EXPIRES, null);
            super.setHeader(HttpHeaders.ETAG, null);
            locked = status != HttpStatus.NOT_FOUND.value();
        }

        private static boolean isCaching(String name) {
            return HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)
                    || HttpHeaders.EXPIRES.equalsIgnoreCase(name)
                    || HttpHeaders.ETAG.equalsIgnoreCase(name);
        }
    }
}
