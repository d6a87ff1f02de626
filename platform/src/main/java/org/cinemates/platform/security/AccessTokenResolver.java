package org.cinemates.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    private static final String BEARER = "Bearer ";

    private static final int FORM_CONTENT_TYPE_LENGTH = MediaType.APPLICATION_FORM_URLENCODED_VALUE.length();

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
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            String token = plainBearer(authorization);
            if (token != null && !mayCarryParameterToken(request)) {
                return token;
            }
            // Anything unusual (another spelling of the scheme, a malformed token, a second token in
            // the parameters) gets Spring Security's own answer.
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

    /**
     * The token of an {@code Authorization} header that is exactly {@code "Bearer "} and a token68 (RFC
     * 6750: letters, digits and {@code -._~+/}, then any {@code =} padding), else null. It accepts what
     * {@link DefaultBearerTokenResolver}'s regular expression accepts with that spelling of the scheme,
     * in one pass without a regular expression: that expression cost about 5% of a service's CPU under
     * load, for tokens of some 800 characters.
     */
    static @Nullable String plainBearer(String authorization) {
        int start = BEARER.length();
        if (!authorization.startsWith(BEARER) || authorization.length() == start) {
            return null;
        }
        int at = start;
        int length = authorization.length();
        while (at < length && isTokenCharacter(authorization.charAt(at))) {
            at++;
        }
        if (at == start) {
            return null;
        }
        while (at < length && authorization.charAt(at) == '=') {
            at++;
        }
        return at == length ? authorization.substring(start) : null;
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }

    /**
     * Whether Spring Security would also look for an {@code access_token} parameter (GET and form
     * posts) and one is there: it then refuses the request as carrying two tokens.
     */
    private static boolean mayCarryParameterToken(HttpServletRequest request) {
        String contentType = request.getContentType();
        boolean form = "POST".equals(request.getMethod())
                && contentType != null
                && contentType.regionMatches(
                        true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0, FORM_CONTENT_TYPE_LENGTH);
        return ("GET".equals(request.getMethod()) || form) && request.getParameterValues("access_token") != null;
    }

    static boolean cameFromCookie(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(FROM_COOKIE));
    }
}
