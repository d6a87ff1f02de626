package org.cinemates.user.account;

import org.cinemates.platform.ratelimit.RateLimiter;
import org.cinemates.platform.ratelimit.RateLimiters;
import org.cinemates.user.UserSettings;
import org.springframework.stereotype.Component;

/**
 * Every password check (login, password change, account deletion) is throttled per account and
 * client address together, and per client address across accounts. An attempt takes its use
 * before the password is checked, in one atomic step, so parallel guesses cannot get past the
 * allowance; a right password gives the uses back. An attacker's guesses slow a member down only
 * on the attacker's own address: from any other client the member signs in as usual.
 */
@Component
public class PasswordAttempts {

    private final RateLimiter perAccountAndClient;
    private final RateLimiter perClient;

    PasswordAttempts(UserSettings settings, RateLimiters limiters) {
        this.perAccountAndClient =
                limiters.create("password-attempts", settings.throttle().loginPerAccount());
        this.perClient =
                limiters.create("password-attempts-per-ip", settings.throttle().loginPerIp());
    }

    /**
     * Takes one attempt, or throws {@link org.cinemates.platform.ratelimit.RateLimitExceeded}.
     *
     * @param account the account's id, or the login asked for when no account has it
     */
    public void take(String account, String client) {
        perClient.consume(client);
        try {
            perAccountAndClient.consume(key(account, client));
        } catch (RuntimeException e) {
            perClient.refund(client);
            throw e;
        }
    }

    /** The password was right: this client's attempts on the account start again. */
    public void succeeded(String account, String client) {
        perAccountAndClient.reset(key(account, client));
        perClient.refund(client);
    }

    /** The key of an existing account. */
    public static String accountKey(long id) {
        return "id:" + id;
    }

    private static String key(String account, String client) {
        return account + "|" + client;
    }
}
