package org.cinemates.recommender.model;

import java.util.Arrays;

/**
 * Re-orders the {@value #POOL} best items of the base ranking by a linear score of a few features, learned
 * on the validation split by logistic regression ("is this a held-back relevant item?"). The features say
 * what the base ranking cannot: how far ahead an item is (z-score and rank within the pool), how popular and
 * how well liked it is, and how that matters for a member who rated few or many movies.
 */
final class Reranker {

    static final int POOL = 100;

    static final int FEATURES = 6;

    static final int ITERATIONS = 400;
    static final double STEP = 0.5;
    static final double L2 = 1e-3;

    /** Weights over the raw features; the first alone (the base z-score) keeps the base order. */
    private final float[] weights;

    Reranker(float[] weights) {
        if (weights.length != FEATURES) {
            throw new IllegalArgumentException("A re-ranker has " + FEATURES + " weights");
        }
        this.weights = weights;
    }

    /** The base order, unchanged. */
    static Reranker identity() {
        float[] weights = new float[FEATURES];
        weights[0] = 1;
        return new Reranker(weights);
    }

    float[] weights() {
        return weights.clone();
    }

    /**
     * Writes the features of the pool's items into {@code out} (pool.length × FEATURES).
     *
     * @param base base scores by item, pool items best first
     * @param counts training ratings by item
     * @param bayesian each item's Bayesian average minus the mean
     * @param rated the member's number of ratings
     */
    static void features(int[] pool, float[] base, int[] counts, float[] bayesian, int rated, float[] out) {
        double sum = 0;
        double squares = 0;
        for (int item : pool) {
            sum += base[item];
            squares += (double) base[item] * base[item];
        }
        int n = Math.max(1, pool.length);
        double mean = sum / n;
        double deviation = Math.sqrt(Math.max(1e-12, squares / n - mean * mean));
        float activity = (float) (Math.log1p(rated) / 5);
        for (int k = 0; k < pool.length; k++) {
            int item = pool[k];
            float z = (float) ((base[item] - mean) / deviation);
            float popularity = (float) Math.log1p(counts[item]);
            int o = k * FEATURES;
            out[o] = z;
            out[o + 1] = (float) Math.log1p(k);
            out[o + 2] = popularity;
            out[o + 3] = popularity * activity;
            out[o + 4] = bayesian[item];
            out[o + 5] = z * activity;
        }
    }

    float score(float[] features, int row) {
        int o = row * FEATURES;
        float s = 0;
        for (int f = 0; f < FEATURES; f++) {
            s += weights[f] * features[o + f];
        }
        return s;
    }

    /**
     * Logistic regression of {@code labels} (1 relevant, 0 not) on {@code rows} feature rows, by full-batch
     * gradient descent on standardised features; the weights are turned back to raw features.
     */
    static Reranker learn(float[] features, float[] labels, int rows) {
        if (rows == 0) {
            return identity();
        }
        double[] mean = new double[FEATURES];
        double[] scale = new double[FEATURES];
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < FEATURES; f++) {
                double x = features[r * FEATURES + f];
                mean[f] += x;
                scale[f] += x * x;
            }
        }
        for (int f = 0; f < FEATURES; f++) {
            mean[f] /= rows;
            scale[f] = Math.sqrt(Math.max(1e-12, scale[f] / rows - mean[f] * mean[f]));
        }
        double[] w = new double[FEATURES];
        w[0] = 1; // start from the base order
        double bias = 0;
        double[] gradient = new double[FEATURES];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Arrays.fill(gradient, 0);
            double biasGradient = 0;
            for (int r = 0; r < rows; r++) {
                double logit = bias;
                for (int f = 0; f < FEATURES; f++) {
                    logit += w[f] * (features[r * FEATURES + f] - mean[f]) / scale[f];
                }
                double error = 1 / (1 + Math.exp(-logit)) - labels[r];
                biasGradient += error;
                for (int f = 0; f < FEATURES; f++) {
                    gradient[f] += error * (features[r * FEATURES + f] - mean[f]) / scale[f];
                }
            }
            bias -= STEP * biasGradient / rows;
            for (int f = 0; f < FEATURES; f++) {
                w[f] -= STEP * (gradient[f] / rows + L2 * w[f]);
            }
        }
        float[] raw = new float[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            raw[f] = (float) (w[f] / scale[f]);
        }
        return new Reranker(raw);
    }
}
