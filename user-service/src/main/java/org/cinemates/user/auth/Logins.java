package org.cinemates.user.auth;

import java.util.Locale;
import java.util.Optional;
import org.cinemates.platform.ratelimit.RateLimiter;
import org.cinemates.platform.ratelimit.RateLimiters;
import org.cinemates.user.UserSettings;
import org.cinemates.user.account.Account;
import org.cinemates.user.account.AccountService;
import org.springframework.stereotype.Component;

/**
 * Password logins, throttled per account and per client address on top of nginx's limits:
 * failures count, and once an account or address has used up its allowance it gets 429 until it
 * refills. A successful login clears the account's count.
 */
@Component
class Logins {

    private final AccountService accounts;
    private final Sessions sessions;
    private final RateLimiter failuresPerAccount;
    private final RateLimiter failuresPerAddress;

    Logins(AccountService accounts, Sessions sessions, UserSettings settings, RateLimiters limiters) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.failuresPerAccount = limiters.create(
                "login-failures-per-account", settings.throttle().loginPerAccount());
        this.failuresPerAddress =
                limiters.create("login-failures-per-ip", settings.throttle().loginPerIp());
    }

    Session login(String login, String password, String clientAddress) {
        failuresPerAddress.ensureAvailable(clientAddress);
        Optional<Account> account = accounts.findByLogin(login);
        // Unknown logins are throttled under their own name, so they behave like real accounts.
        String accountKey = account.map(a -> "id:" + a.requireId())
                .orElseGet(() -> "login:" + login.trim().toLowerCase(Locale.ROOT));
        failuresPerAccount.ensureAvailable(accountKey);
        if (!accounts.passwordMatches(account.orElse(null), password)) {
            failuresPerAddress.record(clientAddress);
            failuresPerAccount.record(accountKey);
            throw new InvalidCredentials();
        }
        failuresPerAccount.reset(accountKey);
        return sessions.start(account.orElseThrow());
    }
}
