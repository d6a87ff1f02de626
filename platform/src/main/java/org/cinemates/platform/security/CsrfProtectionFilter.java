package org.cinemates.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.cinemates.platform.web.ProblemWriter;
import org.cinemates.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection for cookie-authenticated requests: every unsafe request must send the
 * {@code XSRF-TOKEN} cookie's value in the {@code X-XSRF-TOKEN} header, and that value must be the
 * one the session's access token was issued for. Requests with a Bearer header are exempt: a
 * browser never adds one by itself.
 */
public class CsrfProtectionFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final RequestMatcher sessionEndpoints;
    private final ProblemWriter problems;

    /**
     * @param sessionEndpoints endpoints that act on the session cookies themselves (refresh,
     *     logout); they need the double-submit check whenever a session cookie is present, and
     *     check the binding against their own records
     */
    public CsrfProtectionFilter(RequestMatcher sessionEndpoints, ProblemWriter problems) {
        this.sessionEndpoints = sessionEndpoints;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (needsToken(request) && !tokenMatches(request)) {
            problems.write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.FORBIDDEN,
                            "csrf",
                            "CSRF check failed",
                            "Cookie-authenticated changes need the " + AuthCookies.XSRF_HEADER
                                    + " header with this session's " + AuthCookies.XSRF_TOKEN + " cookie value"));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean needsToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        if (AccessTokenResolver.cameFromCookie(request)) {
            return true;
        }
        return sessionEndpoints.matches(request)
                && (AuthCookies.read(request, AuthCookies.REFRESH_TOKEN) != null
                        || AuthCookies.read(request, AuthCookies.ACCESS_TOKEN) != null);
    }

    private static boolean tokenMatches(HttpServletRequest request) {
        String header = request.getHeader(AuthCookies.XSRF_HEADER);
        if (!CsrfTokens.same(header, AuthCookies.read(request, AuthCookies.XSRF_TOKEN)) || header == null) {
            return false;
        }
        if (!AccessTokenResolver.cameFromCookie(request)) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return CsrfTokens.same(CsrfTokens.hash(header), jwt.getToken().getClaimAsString(CsrfTokens.CLAIM));
        }
        return false;
    }
}
