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
 * One line of visible text, such as a name or a title: 1 to {@link #max()} characters, at least
 * one of them not white space, no control characters, no lone surrogate. Null is valid (say
 * {@code @NotNull} beside it when it is required).
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = VisibleText.Validator.class)
public @interface VisibleText {

    int max();

    /** Characters besides control characters that are refused, such as a separator. */
    String refused() default "";

    String message() default "must be visible text without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<VisibleText, CharSequence> {

        private int max;
        private String refused = "";
        private String message = "";

        @Override
        public void initialize(VisibleText annotation) {
            this.max = annotation.max();
            this.refused = annotation.refused();
            this.message = annotation.message();
        }

        @Override
        public boolean isValid(@Nullable CharSequence text, ConstraintValidatorContext context) {
            if (text == null) {
                return true;
            }
            // The length first: a check never looks at more than max characters.
            if (text.isEmpty() || text.length() > max) {
                return refuse(context, "size must be between 1 and " + max);
            }
            if (TextRules.hasControl(text, "") || TextRules.isBlank(text) || !TextRules.isWellFormed(text)) {
                return refuse(context, message);
            }
            for (int i = 0; i < text.length(); i++) {
                if (refused.indexOf(text.charAt(i)) >= 0) {
                    return refuse(context, message);
                }
            }
            return true;
        }

        static boolean refuse(ConstraintValidatorContext context, String message) {
            context.disableDefaultConstraintViolation();
            // Literal text: no message interpolation of anything a client sent.
            context.buildConstraintViolationWithTemplate(escape(message)).addConstraintViolation();
            return false;
        }

        static String escape(String message) {
            StringBuilder escaped = new StringBuilder(message.length());
            for (int i = 0; i < message.length(); i++) {
                char c = message.charAt(i);
                if (c == '{' || c == '}' || c == '$' || c == '\\') {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
            return escaped.toString();
        }
    }
}
