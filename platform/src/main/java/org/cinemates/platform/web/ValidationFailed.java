package org.cinemates.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Input that passed the schema but broke a rule the service checks itself. */
public class ValidationFailed extends ProblemException {

    public ValidationFailed(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public ValidationFailed(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "validation", "Invalid request", summary(errors));
        getBody().setProperty("errors", errors);
    }

    private static String summary(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
    }
}
