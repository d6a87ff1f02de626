package org.cinemates.platform.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;

/** The cookies of a browser session, as API.md names them. */
public final class AuthCookies {

    public static final String ACCESS_TOKEN = "access_token";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String XSRF_TOKEN = "XSRF-TOKEN";
    public static final String XSRF_HEADER = "X-XSRF-TOKEN";
    public static final String REFRESH_PATH = "/api/auth";

    private AuthCookies() {}

    public static @Nullable String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    public static ResponseCookie accessToken(String token, Duration ttl, boolean secure) {
        return ResponseCookie.from(ACCESS_TOKEN, token)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .path("/")
                .maxAge(ttl)
                .build();
    }

    public static ResponseCookie refreshToken(String token, Duration ttl, boolean secure) {
        return ResponseCookie.from(REFRESH_TOKEN, token)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path(REFRESH_PATH)
                .maxAge(ttl)
                .build();
    }

    /** Readable by the page, which copies it into the {@value #XSRF_HEADER} header. */
    public static ResponseCookie xsrfToken(String token, Duration ttl, boolean secure) {
        return ResponseCookie.from(XSRF_TOKEN, token)
                .httpOnly(false)
                .secure(secure)
                .sameSite("Lax")
                .path("/")
                .maxAge(ttl)
                .build();
    }

    public static ResponseCookie[] cleared(boolean secure) {
        return new ResponseCookie[] {
            accessToken("", Duration.ZERO, secure),
            refreshToken("", Duration.ZERO, secure),
            xsrfToken("", Duration.ZERO, secure)
        };
    }
}
