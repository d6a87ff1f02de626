package org.cinemates.recommender.baseline;

import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.Biases;
import org.cinemates.recommender.model.Predictor;

/** Predicts {@code μ + b_u + b_i} (see {@link Biases}); ranks items by their bias. */
public final class BaselineOnly implements Algorithm {

    @Override
    public String name() {
        return "baseline-only";
    }

    @Override
    public Predictor fit(Ratings training) {
        Biases biases = Biases.fit(training);
        return new Predictor() {
            @Override
            public double predict(int user, int item) {
                return Biases.clip(biases.estimate(user, item));
            }

            @Override
            public void scoreItems(int user, float[] scores) {
                for (int item = 0; item < scores.length; item++) {
                    scores[item] = (float) biases.estimate(user, item);
                }
            }
        };
    }
}
