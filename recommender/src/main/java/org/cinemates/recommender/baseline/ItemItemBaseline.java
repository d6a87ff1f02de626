package org.cinemates.recommender.baseline;

import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Biases;
import org.cinemates.recommender.model.Feedback;
import org.cinemates.recommender.model.ItemItem;
import org.cinemates.recommender.model.Predictor;
import org.cinemates.recommender.model.Validation;

/** What the item-item baselines share: they rank with an {@link ItemItem} matrix and predict with {@link Biases}. */
final class ItemItemBaseline {

    private ItemItemBaseline() {}

    static Predictor predictor(Ratings training, ItemItem model, Feedback feedback) {
        Biases biases = Biases.fit(training);
        return new Predictor() {
            @Override
            public double predict(int user, int item) {
                return Biases.clip(biases.estimate(user, item));
            }

            @Override
            public void scoreItems(int user, float[] scores) {
                model.score(training.itemsOf(user), Validation.weights(training, user, feedback), scores);
            }
        };
    }
}
