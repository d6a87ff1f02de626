/**
 * Offline evaluation on MovieLens ratings (seeded per-user k-fold, rating and top-N metrics), a generator
 * of MovieLens-like ratings at scale and the scale training run.
 */
@NullMarked
package org.cinemates.recommender.evaluation;

import org.jspecify.annotations.NullMarked;
