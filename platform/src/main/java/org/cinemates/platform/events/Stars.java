package org.cinemates.platform.events;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A score as members give them: 0.5 to 5.0 stars in steps of half a star. Null is left to {@code @NotNull}. */
@Documented
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = Stars.Check.class)
public @interface Stars {

    String message() default "must be 0.5 to 5.0 in steps of 0.5";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind {@link Stars}. */
    final class Check implements ConstraintValidator<Stars, BigDecimal> {

        private static final BigDecimal MIN = new BigDecimal("0.5");
        private static final BigDecimal MAX = new BigDecimal("5.0");
        private static final BigDecimal TWO = BigDecimal.valueOf(2);

        @Override
        public boolean isValid(@Nullable BigDecimal score, ConstraintValidatorContext context) {
            return score == null
                    || (score.compareTo(MIN) >= 0
                            && score.compareTo(MAX) <= 0
                            && score.multiply(TWO).stripTrailingZeros().scale() <= 0);
        }
    }
}
