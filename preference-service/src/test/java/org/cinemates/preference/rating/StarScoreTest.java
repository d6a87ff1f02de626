package org.cinemates.preference.rating;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class StarScoreTest {

    private final StarScore.Validator validator = new StarScore.Validator();
    private final ConstraintValidatorContext context = Mockito.mock(ConstraintValidatorContext.class);

    private boolean valid(String score) {
        return validator.isValid(new BigDecimal(score), context);
    }

    @Test
    void halfStarsFromHalfToFiveAreScores() {
        for (String score : List.of("0.5", "1", "1.0", "1.5", "2.50", "3", "4.5", "5", "5.000")) {
            assertThat(valid(score)).as(score).isTrue();
        }
    }

    @Test
    void anythingElseIsNot() {
        for (String score : List.of("0", "0.25", "0.4999", "4.25", "4.51", "5.5", "-1", "-0.5", "10", "1E+400")) {
            assertThat(valid(score)).as(score).isFalse();
        }
    }

    @Test
    void aMissingScoreIsLeftToNotNull() {
        assertThat(validator.isValid(null, context)).isTrue();
    }
}
