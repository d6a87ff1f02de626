package org.cinemates.preference.rating;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Half stars to five stars: 0.5, 1.0, ... 5.0. Null is left to {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StarScore.Validator.class)
@interface StarScore {

    BigDecimal MIN = new BigDecimal("0.5");
    BigDecimal MAX = new BigDecimal("5.0");

    String message() default "must be from 0.5 to 5.0 in steps of 0.5";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StarScore, BigDecimal> {

        @Override
        public boolean isValid(@Nullable BigDecimal score, ConstraintValidatorContext context) {
            return score == null
                    || (score.compareTo(MIN) >= 0
                            && score.compareTo(MAX) <= 0
                            && score.remainder(MIN).signum() == 0);
        }
    }
}
