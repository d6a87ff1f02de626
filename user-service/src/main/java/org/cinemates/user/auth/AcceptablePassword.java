package org.cinemates.user.auth;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Locale;
import org.cinemates.platform.text.TextRules;
import org.cinemates.user.account.PasswordPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A registration's password meets the {@link PasswordPolicy}: checked with the other fields, so an
 * invalid registration hears about its password in the same answer as about its username.
 */
@Documented
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = AcceptablePassword.Validator.class)
@interface AcceptablePassword {

    String message() default "is not an acceptable password";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AcceptablePassword, AuthController.RegisterRequest> {

        private final PasswordPolicy policy;

        Validator(PasswordPolicy policy) {
            this.policy = policy;
        }

        @Override
        public boolean isValid(AuthController.@Nullable RegisterRequest request, ConstraintValidatorContext context) {
            if (request == null
                    || request.password() == null
                    || request.password().length() > 1024
                    || !TextRules.isWellFormed(request.password())) {
                return true; // the field's own constraints speak about these
            }
            String username =
                    request.username() == null ? "" : request.username().toLowerCase(Locale.ROOT);
            String email = request.email() == null || request.email().length() > 254
                    ? ""
                    : request.email().trim().toLowerCase(Locale.ROOT);
            String problem = policy.problem(request.password(), username, email);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem)
                    .addPropertyNode("password")
                    .addConstraintViolation();
            return false;
        }
    }
}
