package org.cinemates.recommender.baseline;

import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.Feedback;
import org.cinemates.recommender.model.ItemGram;
import org.cinemates.recommender.model.ItemItem;
import org.cinemates.recommender.model.Predictor;
import org.cinemates.recommender.model.Relevance;
import org.cinemates.recommender.model.Validation;

/**
 * RP3beta (Paudel et al. 2017): a random walk item → user → item, {@code W_ij = Σ_u x_ui x_uj / (n_i n_u)},
 * divided by the popularity of where it lands, {@code n_j^β}. β is chosen on the validation split from
 * {@link #BETAS}.
 */
public final class Rp3Beta implements Algorithm {

    static final double[] BETAS = {0, 0.2, 0.4, 0.6, 0.8};

    private final int minRatings;
    private final int maxItems;
    private final Relevance relevance;
    private final long seed;

    public Rp3Beta(int minRatings, int maxItems, Relevance relevance, long seed) {
        this.minRatings = minRatings;
        this.maxItems = maxItems;
        this.relevance = relevance;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "rp3beta";
    }

    @Override
    public Predictor fit(Ratings training) {
        Validation validation = Validation.split(training, relevance, seed);
        Ratings fit = validation.fit();
        ItemGram tuning = walks(fit);
        double bestBeta = BETAS[0];
        double best = -1;
        for (double beta : BETAS) {
            ItemItem model = weights(tuning, beta);
            double ndcg = validation.ndcg((user, scores) ->
                    model.score(fit.itemsOf(user), Validation.weights(fit, user, Feedback.BINARY), scores));
            if (ndcg > best) {
                best = ndcg;
                bestBeta = beta;
            }
        }
        return ItemItemBaseline.predictor(training, weights(walks(training), bestBeta), Feedback.BINARY);
    }

    private ItemGram walks(Ratings ratings) {
        return ItemGram.of(
                ratings,
                Feedback.BINARY,
                minRatings,
                maxItems,
                user -> 1.0 / Math.max(1, ratings.userRatingCount(user)));
    }

    private static ItemItem weights(ItemGram walks, double beta) {
        int n = walks.size();
        float[] g = ItemItem.gramOf(walks);
        float[] w = new float[n * n];
        for (int i = 0; i < n; i++) {
            double from = Math.max(1, walks.count(i));
            for (int j = 0; j < n; j++) {
                w[i * n + j] = i == j ? 0 : (float) (g[i * n + j] / from / Math.pow(Math.max(1, walks.count(j)), beta));
            }
        }
        return ItemItem.over(walks, w);
    }
}
