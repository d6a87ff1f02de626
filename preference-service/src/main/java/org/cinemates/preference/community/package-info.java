/**
 * Community ratings: a MovieLens-format {@code ratings.csv} imported at start-up in the background,
 * with its progress readable by anyone. Community raters are not accounts and cannot log in; they
 * only teach the recommender.
 */
@NullMarked
package org.cinemates.preference.community;

import org.jspecify.annotations.NullMarked;
