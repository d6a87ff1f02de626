package org.cinemates.platform.text;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/**
 * Text that can be encoded as UTF-8: JSON's {@code \ud800} escapes can carry half a character,
 * which no encoder (nor PostgreSQL) accepts. For text with no other rule, such as a password.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = WellFormedText.Validator.class)
public @interface WellFormedText {

    String message() default "must be Unicode text (a lone surrogate is not)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WellFormedText, CharSequence> {

        @Override
        public boolean isValid(@Nullable CharSequence text, ConstraintValidatorContext context) {
            return text == null || TextRules.isWellFormed(text);
        }
    }
}
