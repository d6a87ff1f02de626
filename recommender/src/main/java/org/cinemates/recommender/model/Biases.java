package org.cinemates.recommender.model;

import org.cinemates.recommender.data.Ratings;

/**
 * Regularised user and item biases, {@code b_ui = μ + b_u + b_i}, fitted by alternating least squares as
 * Surprise's BaselineOnly does (items then users each epoch; defaults: 10 epochs, λ_item 10, λ_user 15).
 */
@SuppressWarnings("ArrayRecordComponent") // parameter holders: the arrays are the point
public record Biases(double mean, float[] user, float[] item) {

    public static final int EPOCHS = 10;
    public static final double ITEM_REGULARIZATION = 10;
    public static final double USER_REGULARIZATION = 15;

    public static Biases fit(Ratings ratings) {
        return fit(ratings, EPOCHS, ITEM_REGULARIZATION, USER_REGULARIZATION);
    }

    public static Biases fit(Ratings ratings, int epochs, double itemRegularization, double userRegularization) {
        double mean = ratings.mean();
        float[] user = new float[ratings.userCount()];
        float[] item = new float[ratings.itemCount()];
        for (int epoch = 0; epoch < epochs; epoch++) {
            Parallel.forEach(ratings.itemCount(), 256, i -> {
                double deviation = 0;
                for (int p = ratings.itemStart(i); p < ratings.itemEnd(i); p++) {
                    deviation += ratings.itemScoreAt(p) - mean - user[ratings.userAt(p)];
                }
                item[i] = (float) (deviation / (itemRegularization + ratings.itemRatingCount(i)));
            });
            Parallel.forEach(ratings.userCount(), 256, u -> {
                double deviation = 0;
                for (int p = ratings.userStart(u); p < ratings.userEnd(u); p++) {
                    deviation += ratings.scoreAt(p) - mean - item[ratings.itemAt(p)];
                }
                user[u] = (float) (deviation / (userRegularization + ratings.userRatingCount(u)));
            });
        }
        return new Biases(mean, user, item);
    }

    /** The baseline estimate (not clipped). */
    public double estimate(int u, int i) {
        return mean + user[u] + item[i];
    }

    public static double clip(double rating) {
        return Math.max(0.5, Math.min(5.0, rating));
    }
}
