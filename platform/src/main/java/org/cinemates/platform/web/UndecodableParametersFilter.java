package org.cinemates.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat refuses to read query parameters that are not valid percent-encoded UTF-8 (such as
 * {@code ?before=%FF}) by throwing when they are first read, which would surface as a 500. They
 * are read here first, and such a request gets a 400 problem instead.
 */
class UndecodableParametersFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    UndecodableParametersFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException e) {
            problems.write(
                    request, response, new ValidationFailed("query", "is not valid percent-encoded UTF-8").getBody());
            return;
        }
        chain.doFilter(request, response);
    }
}
