package org.cinemates.user.account;

import java.time.Instant;

/** The signed-in member's own view of the account. */
public record AccountView(
        long id,
        String username,
        String displayName,
        String email,
        String bio,
        Visibility visibility,
        Instant createdAt) {

    public static AccountView of(Account account) {
        return new AccountView(
                account.requireId(),
                account.username(),
                account.displayName(),
                account.email(),
                account.bio(),
                account.visibility(),
                account.createdAt());
    }
}
