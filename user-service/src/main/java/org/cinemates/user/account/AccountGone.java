package org.cinemates.user.account;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A valid token for an account deleted since it was issued. */
public class AccountGone extends ProblemException {

    AccountGone() {
        super(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", "This account no longer exists");
    }
}
