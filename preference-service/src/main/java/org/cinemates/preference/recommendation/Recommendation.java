package org.cinemates.preference.recommendation;

import java.math.BigDecimal;
import java.util.List;
import org.cinemates.preference.catalog.Movie;
import org.jspecify.annotations.Nullable;

/**
 * A recommended movie, as clients see it.
 *
 * @param score how strongly it is recommended, on the star scale; null for movies recommended
 *     only for being popular in the catalogue
 */
public record Recommendation(Movie movie, @Nullable BigDecimal score, List<String> reasons) {}
