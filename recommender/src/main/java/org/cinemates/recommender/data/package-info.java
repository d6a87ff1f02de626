/** Ratings in memory: a fast MovieLens {@code ratings.csv} reader and a compact, indexed ratings matrix. */
@NullMarked
package org.cinemates.recommender.data;

import org.jspecify.annotations.NullMarked;
