package org.cinemates.user.account;

import java.util.List;
import org.cinemates.platform.web.FieldError;
import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

public class UsernameTaken extends ProblemException {

    UsernameTaken(String username) {
        super(HttpStatus.CONFLICT, "username-taken", "Username taken", "The username '" + username + "' is taken");
        getBody().setProperty("errors", List.of(new FieldError("username", "is taken")));
    }
}
