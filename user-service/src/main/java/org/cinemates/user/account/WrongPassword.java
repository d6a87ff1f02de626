package org.cinemates.user.account;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The password given to confirm a sensitive change was not the account's. */
public class WrongPassword extends ProblemException {

    WrongPassword() {
        super(HttpStatus.FORBIDDEN, "wrong-password", "Wrong password", "The password is not correct");
    }
}
