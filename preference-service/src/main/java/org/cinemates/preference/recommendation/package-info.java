/**
 * Recommendations: what a {@link org.cinemates.preference.recommendation.RecommendationSource}
 * suggests, never a movie the member rated, topped up with movie-service's most popular movies.
 * For now the source is the members' favourites by Bayesian average; a learned recommender
 * takes its place as another source.
 */
@NullMarked
package org.cinemates.preference.recommendation;

import org.jspecify.annotations.NullMarked;
