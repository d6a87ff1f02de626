package org.cinemates.user.account;

import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Profiles in bulk for other services: activity-service names the actors of a feed, and both
 * it and preference-service read each member's {@code visibility} to decide who may see their
 * data.
 */
@RestController
@RequestMapping("/internal/users")
class InternalAccountsController {

    private final AccountService accounts;

    InternalAccountsController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** A public profile, and who may see the member's ratings, reviews, diary, lists and activity. */
    record InternalProfile(long id, String username, String displayName, String bio, Visibility visibility) {

        static InternalProfile of(Account account) {
            PublicProfile profile = PublicProfile.of(account);
            return new InternalProfile(
                    profile.id(), profile.username(), profile.displayName(), profile.bio(), account.visibility());
        }
    }

    record Profiles(Collection<InternalProfile> items) {}

    record Roles(String username, java.util.Set<String> roles) {}

    /** For operators ({@code ./cinemates admin grant USER}): who may edit the catalogue. */
    @org.springframework.web.bind.annotation.PutMapping("/by-username/{username}/roles/{role}")
    Roles grant(@PathVariable String username, @PathVariable String role) {
        Account account = accounts.changeRole(username, role, true);
        return new Roles(account.username(), accounts.roles(account));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/by-username/{username}/roles/{role}")
    Roles revoke(@PathVariable String username, @PathVariable String role) {
        Account account = accounts.changeRole(username, role, false);
        return new Roles(account.username(), accounts.roles(account));
    }

    @GetMapping
    Profiles profiles(@RequestParam @Size(max = 500) List<Long> ids) {
        return new Profiles(accounts.accountsIn(ids).values().stream()
                .map(InternalProfile::of)
                .toList());
    }
}
