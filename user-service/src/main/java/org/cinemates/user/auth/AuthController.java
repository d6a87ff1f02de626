package org.cinemates.user.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.cinemates.platform.ratelimit.RateLimiter;
import org.cinemates.platform.ratelimit.RateLimiters;
import org.cinemates.platform.security.AuthCookies;
import org.cinemates.platform.security.RevokedTokens;
import org.cinemates.platform.text.VisibleText;
import org.cinemates.platform.text.WellFormedText;
import org.cinemates.user.UserSettings;
import org.cinemates.user.account.Account;
import org.cinemates.user.account.AccountService;
import org.cinemates.user.account.AccountView;
import org.cinemates.user.account.NoHiddenCharacters;
import org.cinemates.user.account.ProfileText;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
class AuthController {

    private static final int MAX_TOKEN_LENGTH = 8192;

    private static final java.util.regex.Pattern TOKEN_SHAPE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{20,100}");

    private final AccountService accounts;
    private final Logins logins;
    private final Sessions sessions;
    private final SessionCookies cookies;
    private final RateLimiter registrationsPerAddress;
    private final UserSettings settings;
    private final RevokedTokens revokedTokens;
    private final JwtDecoder tokens;

    AuthController(
            AccountService accounts,
            Logins logins,
            Sessions sessions,
            SessionCookies cookies,
            UserSettings settings,
            RateLimiters limiters,
            RevokedTokens revokedTokens,
            JwtDecoder tokens) {
        this.accounts = accounts;
        this.logins = logins;
        this.sessions = sessions;
        this.cookies = cookies;
        this.settings = settings;
        this.revokedTokens = revokedTokens;
        this.tokens = tokens;
        this.registrationsPerAddress =
                limiters.create("registrations-per-ip", settings.throttle().registerPerIp());
    }

    /** Hands out a CSRF token; keeps the current one, which the session may be bound to. */
    @GetMapping("/csrf")
    ResponseEntity<Void> csrf(HttpServletRequest request) {
        String current = AuthCookies.read(request, AuthCookies.XSRF_TOKEN);
        String token = current != null
                        && current.length() <= 100
                        && TOKEN_SHAPE.matcher(current).matches()
                ? current
                : org.cinemates.platform.security.CsrfTokens.generate();
        return ResponseEntity.noContent()
                .headers(cookies.xsrfOnly(token, settings.refreshTokenTtl(), request))
                .build();
    }

    /** Every field is checked, the password against the policy too, so one answer lists every problem. */
    @AcceptablePassword
    record RegisterRequest(
            @NotNull @Pattern(regexp = ProfileText.USERNAME, message = "must be 3-30 characters of a-z 0-9 _ . -")
            String username,

            // Hibernate's @Email looks at the lengths of both parts before its patterns run.
            @NotBlank @Size(max = 254) @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+")
            String email,

            @NotNull @Size(max = 1024) @WellFormedText String password,

            @Nullable @VisibleText(max = ProfileText.DISPLAY_NAME_MAX) @NoHiddenCharacters
            String displayName) {}

    @PostMapping("/register")
    ResponseEntity<AccountView> register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
        registrationsPerAddress.consume(request.getRemoteAddr());
        Account account = accounts.register(
                new AccountService.NewAccount(body.username(), body.email(), body.password(), body.displayName()));
        Session session = sessions.start(account, request.getHeader(HttpHeaders.USER_AGENT));
        return ResponseEntity.created(URI.create("/api/users/" + account.requireId()))
                .headers(cookies.of(session, request, null))
                .body(AccountView.of(account));
    }

    record LoginRequest(
            @NotBlank @Size(max = 254) String login,
            @NotNull @Size(max = 1024) @WellFormedText String password) {}

    record LoginResponse(AccountView user, String accessToken, long expiresIn) {

        static LoginResponse of(Session session) {
            return new LoginResponse(
                    AccountView.of(session.account()),
                    session.accessToken(),
                    session.accessTtl().toSeconds());
        }
    }

    @PostMapping("/login")
    ResponseEntity<LoginResponse> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        Session session = logins.login(
                body.login(), body.password(), request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        return ResponseEntity.ok().headers(cookies.of(session, request, null)).body(LoginResponse.of(session));
    }

    @PostMapping("/refresh")
    ResponseEntity<LoginResponse> refresh(HttpServletRequest request) {
        String xsrf = request.getHeader(AuthCookies.XSRF_HEADER);
        Session session = sessions.refresh(AuthCookies.read(request, AuthCookies.REFRESH_TOKEN), xsrf);
        return ResponseEntity.ok().headers(cookies.of(session, request, xsrf)).body(LoginResponse.of(session));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        sessions.end(AuthCookies.read(request, AuthCookies.REFRESH_TOKEN));
        // The access token dies with the session, in every service, not only when it expires; an
        // API client without cookies ends the session of the token it presents.
        String access = AuthCookies.read(request, AuthCookies.ACCESS_TOKEN);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (access == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            access = authorization.substring(7).strip();
        }
        if (access != null && access.length() <= MAX_TOKEN_LENGTH) {
            try {
                Jwt token = tokens.decode(access);
                revokedTokens.revoke(token);
                String session = token.getClaimAsString(RevokedTokens.SESSION_CLAIM);
                String subject = token.getSubject();
                if (session != null && subject != null) {
                    sessions.endIfOpen(Long.parseLong(subject), UUID.fromString(session));
                }
            } catch (JwtException | IllegalArgumentException e) {
                // Expired, forged or not ours: nothing to revoke.
            }
        }
        return ResponseEntity.noContent().headers(cookies.cleared(request)).build();
    }
}
