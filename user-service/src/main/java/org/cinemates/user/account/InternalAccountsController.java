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
 * Profiles in bulk for other services (activity-service names the actors of a feed), and who may
 * see each member's data (activity-service and preference-service decide what to show whom).
 */
@RestController
@RequestMapping("/internal/users")
class InternalAccountsController {

    private final AccountService accounts;

    InternalAccountsController(AccountService accounts) {
        this.accounts = accounts;
    }

    /**
     * A member as other services show them, with who may see their ratings, reviews, diary, lists
     * and activity (so a service naming a member beside their rating can honour it in one call).
     */
    record InternalProfile(long id, String username, String displayName, String bio, Visibility visibility) {}

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

    /** Who may see the member's ratings, reviews, diary, lists and activity. */
    record MemberVisibility(long userId, Visibility visibility) {}

    record Visibilities(List<MemberVisibility> items) {}

    /** Unknown ids are left out. */
    @GetMapping("/visibilities")
    Visibilities visibilities(@RequestParam @Size(max = 500) List<Long> ids) {
        return new Visibilities(accounts.accountsIn(ids).values().stream()
                .map(account -> new MemberVisibility(account.requireId(), account.visibility()))
                .toList());
    }

    @GetMapping
    Profiles profiles(@RequestParam @Size(max = 500) List<Long> ids) {
        return new Profiles(accounts.accountsIn(ids).values().stream()
                .map(account -> new InternalProfile(
                        account.requireId(),
                        account.username(),
                        account.displayName(),
                        account.bio(),
                        account.visibility()))
                .toList());
    }
}
