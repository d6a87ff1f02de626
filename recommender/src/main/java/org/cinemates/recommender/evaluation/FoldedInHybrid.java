package org.cinemates.recommender.evaluation;

import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.CinematesHybrid;
import org.cinemates.recommender.model.HybridConfig;
import org.cinemates.recommender.model.HybridModel;
import org.cinemates.recommender.model.Parallel;
import org.cinemates.recommender.model.Predictor;
import org.cinemates.recommender.model.UserProfile;

/**
 * The shipped model serving every user through {@link HybridModel#foldIn} of their training ratings instead
 * of the vectors training learned for them: what a member gets between two trainings, measured.
 */
final class FoldedInHybrid implements Algorithm {

    static final String NAME = CinematesHybrid.NAME + "-foldin";

    private final HybridConfig config;

    FoldedInHybrid(HybridConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Predictor fit(Ratings training) {
        HybridModel model = HybridModel.train(training, config);
        UserProfile[] profiles = new UserProfile[training.userCount()];
        Parallel.forEach(training.userCount(), 4, u -> {
            int[] items = new int[training.userRatingCount(u)];
            float[] scores = new float[items.length];
            for (int k = 0; k < items.length; k++) {
                items[k] = training.itemAt(training.userStart(u) + k);
                scores[k] = training.scoreAt(training.userStart(u) + k);
            }
            profiles[u] = model.foldIn(items, scores);
        });
        return new Predictor() {
            @Override
            public double predict(int user, int item) {
                return model.predict(profiles[user], item);
            }

            @Override
            public void scoreItems(int user, float[] scores) {
                model.scoreItems(profiles[user], scores);
            }
        };
    }
}
