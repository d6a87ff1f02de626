package org.cinemates.recommender.model;

import java.util.Arrays;

/**
 * One user as the model sees them: the rating predictors' biases and factors, and the items they rated with
 * their scores (which the ranker reads directly, and which are never recommended back to them). Immutable;
 * from {@link HybridModel#user(int)} for a trained user or {@link HybridModel#foldIn} for anyone, in
 * milliseconds.
 */
public final class UserProfile {

    private final float bias;
    private final float[] factors;
    private final int[] ratedItems;
    private final float[] ratedScores;
    private final float baselineBias;

    UserProfile(float bias, float[] factors, int[] ratedItems, float[] ratedScores, float baselineBias) {
        this.bias = bias;
        this.factors = factors;
        this.ratedItems = ratedItems;
        this.ratedScores = ratedScores;
        this.baselineBias = baselineBias;
    }

    float bias() {
        return bias;
    }

    float[] factors() {
        return factors;
    }

    /** The user's bias in the neighbours' baseline ({@link Neighbours#userBias}). */
    float baselineBias() {
        return baselineBias;
    }

    /** The number of items rated. */
    public int ratingCount() {
        return ratedItems.length;
    }

    /** The rated item indexes, ascending. */
    public int[] ratedItems() {
        return ratedItems.clone();
    }

    /** The scores given, in the order of {@link #ratedItems()}. */
    public float[] ratedScores() {
        return ratedScores.clone();
    }

    public boolean hasRated(int item) {
        return Arrays.binarySearch(ratedItems, item) >= 0;
    }

    /** The score given to {@code item}, or NaN when it was not rated. */
    public float score(int item) {
        int at = Arrays.binarySearch(ratedItems, item);
        return at >= 0 ? ratedScores[at] : Float.NaN;
    }

    int ratedItemAt(int k) {
        return ratedItems[k];
    }

    float ratedScoreAt(int k) {
        return ratedScores[k];
    }

    int[] ratedItemsShared() {
        return ratedItems;
    }

    float[] ratedScoresShared() {
        return ratedScores;
    }
}
