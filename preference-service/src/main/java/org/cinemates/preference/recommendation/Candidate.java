package org.cinemates.preference.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A movie a source suggests.
 *
 * @param score how strongly it is suggested, on the star scale; null when the source cannot say
 * @param reasons why, in words a member understands
 */
public record Candidate(long movieId, @Nullable BigDecimal score, List<String> reasons) {

    /** A model's score as a candidate carries it: two decimals, null for NaN (the model cannot say). */
    static @Nullable BigDecimal score(double value) {
        return Double.isNaN(value) ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
