/**
 * Recommendations: what a {@link org.cinemates.preference.recommendation.RecommendationSource}
 * suggests, never a movie the member rated, topped up with movie-service's most popular movies.
 * The source is the learned model of the recommender module (trained in the background on community
 * and member ratings, swapped in atomically, with the member folded in at each request); until a
 * model is trained, the members' favourites by Bayesian average serve. Similar movies come from the
 * same model.
 */
@NullMarked
package org.cinemates.preference.recommendation;

import org.jspecify.annotations.NullMarked;
