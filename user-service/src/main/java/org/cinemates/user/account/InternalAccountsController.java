package org.cinemates.user.account;

import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Profiles in bulk for other services (activity-service names the actors of a feed). */
@RestController
@RequestMapping("/internal/users")
class InternalAccountsController {

    private final AccountService accounts;

    InternalAccountsController(AccountService accounts) {
        this.accounts = accounts;
    }

    record Profiles(Collection<PublicProfile> items) {}

    @GetMapping
    Profiles profiles(@RequestParam @Size(max = 500) List<Long> ids) {
        return new Profiles(accounts.profiles(ids).values());
    }
}
