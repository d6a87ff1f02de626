package org.cinemates.recommender.baseline;

import java.util.stream.IntStream;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.Biases;
import org.cinemates.recommender.model.Neighbours;
import org.cinemates.recommender.model.Predictor;

/**
 * Item-based k-nearest neighbours with baselines over every item, like Surprise's {@code KNNBaseline} with
 * {@code pearson_baseline} item similarity ({@link Neighbours}, k = {@value Neighbours#K}). A rating
 * predictor: it is shown for RMSE only (ranking by predicted rating lifts obscure movies with one weak
 * neighbour to the top).
 *
 * <p>Holds a dense items × items similarity matrix: fine for MovieLens' ten thousand movies, not meant
 * for sixty thousand.
 */
public final class ItemKnnBaseline implements Algorithm {

    @Override
    public String name() {
        return "item-knn-baseline";
    }

    @Override
    public Predictor fit(Ratings training) {
        Neighbours neighbours = Neighbours.fit(
                training, IntStream.range(0, training.itemCount()).toArray());
        return new Predictor() {
            @Override
            public double predict(int user, int item) {
                Rated rated = Rated.of(training, user, neighbours);
                return Biases.clip(neighbours.estimate(rated.items, rated.scores, rated.bias, item));
            }

            @Override
            public void scoreItems(int user, float[] scores) {
                Rated rated = Rated.of(training, user, neighbours);
                for (int item = 0; item < scores.length; item++) {
                    scores[item] = (float) neighbours.estimate(rated.items, rated.scores, rated.bias, item);
                }
            }
        };
    }

    /** A user's training ratings and baseline bias. */
    @SuppressWarnings("ArrayRecordComponent") // a holder for one prediction
    private record Rated(int[] items, float[] scores, float bias) {

        static Rated of(Ratings training, int user, Neighbours neighbours) {
            int[] items = training.itemsOf(user);
            float[] scores = new float[items.length];
            for (int k = 0; k < items.length; k++) {
                scores[k] = training.scoreAt(training.userStart(user) + k);
            }
            return new Rated(items, scores, neighbours.userBias(items, scores));
        }
    }
}
