package org.cinemates.user.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.platform.security.RevokedTokens;
import org.cinemates.user.account.AccountService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Members look after their own security: their password and their sessions. */
@RestController
@RequestMapping("/api/users/me")
class AccountSecurityController {

    private final AccountService accounts;
    private final Sessions sessions;

    AccountSecurityController(AccountService accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    record PasswordChange(
            @NotNull @Size(max = 1024) String currentPassword,
            @NotNull @Size(max = 1024) String newPassword) {}

    /** 204; every other session of the member ends, this one stays signed in. */
    @PutMapping("/password")
    ResponseEntity<Void> changePassword(
            CurrentUser user,
            @AuthenticationPrincipal Jwt token,
            @Valid @RequestBody PasswordChange change,
            HttpServletRequest request) {
        accounts.changePassword(user.id(), change.currentPassword(), change.newPassword(), request.getRemoteAddr());
        sessions.endAllBut(user.id(), sessionOf(token));
        return ResponseEntity.noContent().build();
    }

    record SessionList(List<SessionView> items) {}

    @GetMapping("/sessions")
    SessionList sessions(CurrentUser user, @AuthenticationPrincipal Jwt token) {
        return new SessionList(sessions.list(user.id(), sessionOf(token)));
    }

    @DeleteMapping("/sessions/{id}")
    ResponseEntity<Void> endSession(CurrentUser user, @PathVariable UUID id) {
        sessions.end(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    /** Ends every session but the one asking. */
    @DeleteMapping("/sessions")
    ResponseEntity<Void> endOtherSessions(CurrentUser user, @AuthenticationPrincipal Jwt token) {
        sessions.endAllBut(user.id(), sessionOf(token));
        return ResponseEntity.noContent().build();
    }

    private static @Nullable UUID sessionOf(Jwt token) {
        String session = token.getClaimAsString(RevokedTokens.SESSION_CLAIM);
        try {
            return session != null ? UUID.fromString(session) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
