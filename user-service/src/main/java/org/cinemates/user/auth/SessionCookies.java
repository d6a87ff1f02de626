package org.cinemates.user.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.cinemates.platform.security.AuthCookies;
import org.cinemates.platform.security.CinematesSecurityProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/** Puts a session into cookies, {@code Secure} whenever the request came over HTTPS. */
@Component
class SessionCookies {

    private final boolean alwaysSecure;

    SessionCookies(CinematesSecurityProperties security) {
        this.alwaysSecure = security.secureCookies();
    }

    HttpHeaders of(Session session, HttpServletRequest request, @Nullable String keptXsrfToken) {
        boolean secure = secure(request);
        List<ResponseCookie> cookies = new ArrayList<>();
        cookies.add(AuthCookies.accessToken(session.accessToken(), session.accessTtl(), secure));
        cookies.add(AuthCookies.refreshToken(session.refreshToken(), session.refreshTtl(), secure));
        String xsrf = session.xsrfToken() != null ? session.xsrfToken() : keptXsrfToken;
        if (xsrf != null) {
            // The CSRF cookie lives as long as the session, so it is re-set whenever that is extended.
            cookies.add(AuthCookies.xsrfToken(xsrf, session.refreshTtl(), secure));
        }
        return headers(cookies);
    }

    HttpHeaders cleared(HttpServletRequest request) {
        return headers(List.of(AuthCookies.cleared(secure(request))));
    }

    HttpHeaders xsrfOnly(String token, java.time.Duration ttl, HttpServletRequest request) {
        return headers(List.of(AuthCookies.xsrfToken(token, ttl, secure(request))));
    }

    private boolean secure(HttpServletRequest request) {
        return alwaysSecure || request.isSecure();
    }

    private static HttpHeaders headers(List<ResponseCookie> cookies) {
        HttpHeaders headers = new HttpHeaders();
        cookies.forEach(cookie -> headers.add(HttpHeaders.SET_COOKIE, cookie.toString()));
        return headers;
    }
}
