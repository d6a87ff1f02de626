package org.cinemates.user.auth;

import java.time.Duration;
import org.cinemates.user.account.Account;
import org.jspecify.annotations.Nullable;

/**
 * What a login or refresh hands out.
 *
 * @param xsrfToken the session's CSRF token when it is new (login), else null
 */
record Session(
        Account account,
        String accessToken,
        Duration accessTtl,
        String refreshToken,
        Duration refreshTtl,
        @Nullable String xsrfToken) {}
