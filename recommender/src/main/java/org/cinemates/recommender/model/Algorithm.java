package org.cinemates.recommender.model;

import org.cinemates.recommender.data.Ratings;

/** A recommendation algorithm: learns a {@link Predictor} from training ratings. */
public interface Algorithm {

    /** A short, stable name for tables and JSON (e.g. {@code item-knn-baseline}). */
    String name();

    /** Learns from {@code training}; the predictor uses its user and item indexes. */
    Predictor fit(Ratings training);
}
