package org.cinemates.user.account;

import java.util.List;
import org.cinemates.platform.web.FieldError;
import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

public class EmailTaken extends ProblemException {

    EmailTaken() {
        super(HttpStatus.CONFLICT, "email-taken", "Email taken", "An account with this email exists already");
        getBody().setProperty("errors", List.of(new FieldError("email", "is taken")));
    }
}
