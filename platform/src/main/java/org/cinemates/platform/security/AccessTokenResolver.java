package org.cinemates.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Finds the access token in the {@code Authorization: Bearer} header (API clients) or else in the
 * {@code access_token} cookie (browsers), and remembers which one it used: only cookie-borne
 * requests need a CSRF token.
 */
public class AccessTokenResolver implements BearerTokenResolver {

    static final String FROM_COOKIE = AccessTokenResolver.class.getName() + ".fromCookie";

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
    private final RequestMatcher cookieIgnored;

    /**
     * @param cookieIgnored requests whose {@code access_token} cookie is not read (login, refresh
     *     and the like authenticate by other means, and a stale cookie must not get in their way)
     */
    public AccessTokenResolver(RequestMatcher cookieIgnored) {
        this.cookieIgnored = cookieIgnored;
    }

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return header.resolve(request);
        }
        if (cookieIgnored.matches(request)) {
            return null;
        }
        String token = AuthCookies.read(request, AuthCookies.ACCESS_TOKEN);
        if (token != null) {
            request.setAttribute(FROM_COOKIE, Boolean.TRUE);
        }
        return token;
    }

    static boolean cameFromCookie(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(FROM_COOKIE));
    }
}
