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
 * Free text such as a bio or a review: at most {@link #max()} characters, line breaks and tabs
 * allowed but no other control character (NUL included), no lone surrogate. Empty and null are
 * valid.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = FreeText.Validator.class)
public @interface FreeText {

    int max();

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FreeText, CharSequence> {

        private int max;
        private String message = "";

        @Override
        public void initialize(FreeText annotation) {
            this.max = annotation.max();
            this.message = annotation.message();
        }

        @Override
        public boolean isValid(@Nullable CharSequence text, ConstraintValidatorContext context) {
            if (text == null) {
                return true;
            }
            if (text.length() > max) {
                return VisibleText.Validator.refuse(context, "size must be between 0 and " + max);
            }
            if (TextRules.hasControl(text, "\n\r\t") || !TextRules.isWellFormed(text)) {
                return VisibleText.Validator.refuse(context, message);
            }
            return true;
        }
    }
}
