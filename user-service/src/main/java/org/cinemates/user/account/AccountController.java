package org.cinemates.user.account;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.cinemates.platform.security.AuthCookies;
import org.cinemates.platform.security.CinematesSecurityProperties;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.platform.text.FreeText;
import org.cinemates.platform.text.VisibleText;
import org.cinemates.platform.text.WellFormedText;
import org.cinemates.platform.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class AccountController {

    private final AccountService accounts;
    private final CinematesSecurityProperties security;

    AccountController(AccountService accounts, CinematesSecurityProperties security) {
        this.accounts = accounts;
        this.security = security;
    }

    @GetMapping("/me")
    AccountView me(CurrentUser user) {
        return AccountView.of(accounts.current(user.id()));
    }

    /** Fields left out (or null) stay as they are; a field not listed here is refused. */
    record ProfileChange(
            @Nullable @VisibleText(max = ProfileText.DISPLAY_NAME_MAX) @NoHiddenCharacters
            String displayName,

            @Nullable @FreeText(max = ProfileText.BIO_MAX) String bio,

            @Nullable Visibility visibility,
            @JsonAnySetter @Nullable Map<String, Object> unknown) {}

    @PatchMapping("/me")
    AccountView update(CurrentUser user, @Valid @RequestBody ProfileChange change) {
        if (change.unknown() != null && !change.unknown().isEmpty()) {
            String field = change.unknown().keySet().iterator().next();
            throw new ValidationFailed(
                    field.length() > 50 ? field.substring(0, 50) : field,
                    "is not a profile field (displayName, bio, visibility)");
        }
        return AccountView.of(
                accounts.updateProfile(user.id(), change.displayName(), change.bio(), change.visibility()));
    }

    record AccountDeletion(
            @NotNull @Size(max = 1024) @WellFormedText String password) {}

    @DeleteMapping("/me")
    ResponseEntity<Void> delete(
            CurrentUser user, @Valid @RequestBody AccountDeletion deletion, HttpServletRequest request) {
        accounts.delete(user.id(), deletion.password(), request.getRemoteAddr());
        boolean secure = request.isSecure() || security.secureCookies();
        ResponseEntity.HeadersBuilder<?> response = ResponseEntity.noContent();
        for (ResponseCookie cookie : AuthCookies.cleared(secure)) {
            response.header(HttpHeaders.SET_COOKIE, cookie.toString());
        }
        return response.build();
    }

    @GetMapping("/{id}")
    PublicProfile profile(@PathVariable long id) {
        return PublicProfile.of(accounts.get(id));
    }

    record SearchResults(List<PublicProfile> items) {}

    @GetMapping
    SearchResults search(
            @RequestParam @NotBlank @Size(max = 50) String q,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return new SearchResults(accounts.search(q, limit));
    }
}
