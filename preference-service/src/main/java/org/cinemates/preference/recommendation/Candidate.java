package org.cinemates.preference.recommendation;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A movie a source suggests.
 *
 * @param score how strongly it is suggested, on the star scale; null when the source cannot say
 * @param reasons why, in words a member understands
 */
public record Candidate(long movieId, @Nullable BigDecimal score, List<String> reasons) {}
