package org.cinemates.user.auth;

import java.util.Locale;
import java.util.Optional;
import org.cinemates.user.account.Account;
import org.cinemates.user.account.AccountService;
import org.cinemates.user.account.PasswordAttempts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Password logins, throttled on top of nginx's limits by {@link PasswordAttempts}. */
@Component
class Logins {

    private final AccountService accounts;
    private final Sessions sessions;
    private final PasswordAttempts attempts;

    Logins(AccountService accounts, Sessions sessions, PasswordAttempts attempts) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.attempts = attempts;
    }

    Session login(String login, String password, String clientAddress, @Nullable String userAgent) {
        Optional<Account> account = accounts.findByLogin(login);
        // Unknown logins are throttled under their own name, so they behave like real accounts.
        String accountKey = account.map(a -> PasswordAttempts.accountKey(a.requireId()))
                .orElseGet(() -> "login:" + login.trim().toLowerCase(Locale.ROOT));
        attempts.take(accountKey, clientAddress);
        if (!accounts.passwordMatches(account.orElse(null), password)) {
            throw new InvalidCredentials();
        }
        attempts.succeeded(accountKey, clientAddress);
        return sessions.start(account.orElseThrow(), userAgent);
    }
}
