package org.cinemates.user.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/**
 * Text without the invisible characters that make a name read differently from what it is: bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), zero-width characters and
 * direction marks (U+200B–U+200F) and the byte-order mark (U+FEFF). Checked in one pass.
 */
@Documented
@Constraint(validatedBy = NoHiddenCharacters.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoHiddenCharacters {

    String message() default "must not contain invisible or text-direction characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NoHiddenCharacters, String> {

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (int i = 0; i < value.length(); i++) {
                if (isInvisible(value.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        static boolean isInvisible(char c) {
            return (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069')
                    || (c >= '\u200B' && c <= '\u200F')
                    || c == '\uFEFF';
        }
    }
}
