package org.cinemates.recommender.model;

/** What an {@link Algorithm} learned. Implementations are immutable and safe to use from many threads. */
public interface Predictor {

    /** The predicted rating of {@code user} for {@code item}, within the rating scale. */
    double predict(int user, int item);

    /**
     * Writes a ranking score for every item into {@code scores} (indexed by item, length = item count):
     * higher means recommend sooner. Items the user rated get scores too; callers exclude them.
     */
    void scoreItems(int user, float[] scores);
}
