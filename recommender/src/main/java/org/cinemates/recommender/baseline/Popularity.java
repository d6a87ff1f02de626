package org.cinemates.recommender.baseline;

import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.Biases;
import org.cinemates.recommender.model.Predictor;

/**
 * Ranks every user's items by how many people rated them, ties broken by the Bayesian mean (an item's mean
 * pulled towards the global mean by {@value #PRIOR_WEIGHT} phantom ratings). Predicts ratings with {@link
 * Biases}, since popularity says nothing about how much one person will like an item.
 */
public final class Popularity implements Algorithm {

    /** Phantom ratings at the global mean in the Bayesian mean. */
    public static final double PRIOR_WEIGHT = 10;

    @Override
    public String name() {
        return "popularity";
    }

    @Override
    public Predictor fit(Ratings training) {
        Biases biases = Biases.fit(training);
        float[] rank = new float[training.itemCount()];
        double[] bayesian = bayesianMeans(training);
        for (int item = 0; item < rank.length; item++) {
            // The count dominates; the Bayesian mean (at most 5) only orders equal counts.
            rank[item] = (float) (training.itemRatingCount(item) * 10.0 + bayesian[item]);
        }
        return new Predictor() {
            @Override
            public double predict(int user, int item) {
                return Biases.clip(biases.estimate(user, item));
            }

            @Override
            public void scoreItems(int user, float[] scores) {
                System.arraycopy(rank, 0, scores, 0, scores.length);
            }
        };
    }

    /** The Bayesian mean of every item: the popularity fallback's "best rated" order. */
    public static double[] bayesianMeans(Ratings ratings) {
        double[] means = new double[ratings.itemCount()];
        double mean = ratings.mean();
        for (int item = 0; item < means.length; item++) {
            double sum = 0;
            for (int p = ratings.itemStart(item); p < ratings.itemEnd(item); p++) {
                sum += ratings.itemScoreAt(p);
            }
            means[item] = (sum + PRIOR_WEIGHT * mean) / (ratings.itemRatingCount(item) + PRIOR_WEIGHT);
        }
        return means;
    }
}
