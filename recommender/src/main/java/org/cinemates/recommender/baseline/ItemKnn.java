package org.cinemates.recommender.baseline;

import java.util.Arrays;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.Feedback;
import org.cinemates.recommender.model.ItemGram;
import org.cinemates.recommender.model.ItemItem;
import org.cinemates.recommender.model.Predictor;
import org.cinemates.recommender.model.Relevance;
import org.cinemates.recommender.model.Validation;

/**
 * Top-N item-kNN: cosine similarity of who rated what, each item keeping its {@code k} nearest neighbours;
 * a user's score for an item is the sum of its similarities to the items they rated. {@code k} is chosen on
 * the validation split from {@link #NEIGHBOURS}.
 */
public final class ItemKnn implements Algorithm {

    static final int[] NEIGHBOURS = {10, 25, 50, 100, 200, 400};

    private final int minRatings;
    private final int maxItems;
    private final Relevance relevance;
    private final long seed;

    public ItemKnn(int minRatings, int maxItems, Relevance relevance, long seed) {
        this.minRatings = minRatings;
        this.maxItems = maxItems;
        this.relevance = relevance;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "item-knn";
    }

    @Override
    public Predictor fit(Ratings training) {
        Validation validation = Validation.split(training, relevance, seed);
        Ratings fit = validation.fit();
        Similarities tuning = new Similarities(ItemGram.of(fit, Feedback.BINARY, minRatings, maxItems));
        int bestK = NEIGHBOURS[0];
        double best = -1;
        for (int k : NEIGHBOURS) {
            ItemItem model = tuning.pruned(k);
            double ndcg = validation.ndcg((user, scores) ->
                    model.score(fit.itemsOf(user), Validation.weights(fit, user, Feedback.BINARY), scores));
            if (ndcg > best) {
                best = ndcg;
                bestK = k;
            }
        }
        ItemItem model = new Similarities(ItemGram.of(training, Feedback.BINARY, minRatings, maxItems)).pruned(bestK);
        return ItemItemBaseline.predictor(training, model, Feedback.BINARY);
    }

    /** Cosine similarities of the covered items, and each item's neighbours in order. */
    static final class Similarities {
        private final ItemGram gram;
        private final float[] cosine;
        private final float[][] sortedColumns;

        Similarities(ItemGram gram) {
            this.gram = gram;
            int n = gram.size();
            float[] g = ItemItem.gramOf(gram);
            cosine = new float[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    float norm = (float) Math.sqrt((double) g[i * n + i] * g[j * n + j]);
                    cosine[i * n + j] = i == j || norm == 0 ? 0 : g[i * n + j] / norm;
                }
            }
            sortedColumns = new float[n][];
            for (int j = 0; j < n; j++) {
                float[] column = new float[n];
                for (int i = 0; i < n; i++) {
                    column[i] = cosine[i * n + j];
                }
                Arrays.sort(column);
                sortedColumns[j] = column;
            }
        }

        /** Only each item's {@code k} most similar items kept (ties at the k-th kept too). */
        ItemItem pruned(int k) {
            int n = gram.size();
            float[] kept = new float[n * n];
            for (int j = 0; j < n; j++) {
                float[] column = sortedColumns[j];
                float threshold = k >= n ? Float.NEGATIVE_INFINITY : column[n - k];
                for (int i = 0; i < n; i++) {
                    float s = cosine[i * n + j];
                    kept[i * n + j] = s > 0 && s >= threshold ? s : 0;
                }
            }
            return ItemItem.over(gram, kept);
        }
    }
}
