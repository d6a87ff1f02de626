package org.cinemates.recommender.baseline;

import java.util.Arrays;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.Predictor;

/** Predicts the mean of all training ratings for everyone and everything: the floor any model must beat. */
public final class GlobalMean implements Algorithm {

    @Override
    public String name() {
        return "global-mean";
    }

    @Override
    public Predictor fit(Ratings training) {
        double mean = training.mean();
        return new Predictor() {
            @Override
            public double predict(int user, int item) {
                return mean;
            }

            @Override
            public void scoreItems(int user, float[] scores) {
                // Every item ties, so a ranking is no better than catalogue order.
                Arrays.fill(scores, (float) mean);
            }
        };
    }
}
