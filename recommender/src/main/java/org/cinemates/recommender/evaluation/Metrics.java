package org.cinemates.recommender.evaluation;

import java.util.function.IntPredicate;

/**
 * Top-N metrics of one ranked list against a user's relevant items (binary relevance).
 *
 * <p>Recall@N is normalised: hits in the top N / min(relevant, N), so a user with more relevant items
 * than N can still reach 1 (as in Liang et al. 2018; plain hits / relevant would cap such users below 1
 * and make the metric depend on how many ratings each user happened to have held out).
 */
public final class Metrics {

    private Metrics() {}

    /**
     * NDCG@k: DCG with gain 1 per relevant item and discount log2(rank + 1), over the ideal DCG of
     * min(relevant, k) hits at the top.
     */
    public static double ndcg(int[] ranked, IntPredicate relevant, int relevantCount, int k) {
        if (relevantCount == 0) {
            return 0;
        }
        double dcg = 0;
        for (int rank = 0; rank < Math.min(k, ranked.length); rank++) {
            if (relevant.test(ranked[rank])) {
                dcg += 1 / log2(rank + 2);
            }
        }
        double ideal = 0;
        for (int rank = 0; rank < Math.min(k, relevantCount); rank++) {
            ideal += 1 / log2(rank + 2);
        }
        return dcg / ideal;
    }

    /** Recall@n: hits in the top n / min(relevant, n). */
    public static double recall(int[] ranked, IntPredicate relevant, int relevantCount, int n) {
        if (relevantCount == 0) {
            return 0;
        }
        return (double) hits(ranked, relevant, n) / Math.min(relevantCount, n);
    }

    /** HitRate@n for one user: 1 when any relevant item is in the top n, else 0. */
    public static double hit(int[] ranked, IntPredicate relevant, int n) {
        return hits(ranked, relevant, n) > 0 ? 1 : 0;
    }

    static int hits(int[] ranked, IntPredicate relevant, int n) {
        int hits = 0;
        for (int rank = 0; rank < Math.min(n, ranked.length); rank++) {
            if (relevant.test(ranked[rank])) {
                hits++;
            }
        }
        return hits;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Root mean squared error of predictions against actual scores. */
    public static double rmse(double[] predicted, double[] actual) {
        double sum = 0;
        for (int k = 0; k < predicted.length; k++) {
            double error = predicted[k] - actual[k];
            sum += error * error;
        }
        return predicted.length == 0 ? Double.NaN : Math.sqrt(sum / predicted.length);
    }

    /** Mean absolute error of predictions against actual scores. */
    public static double mae(double[] predicted, double[] actual) {
        double sum = 0;
        for (int k = 0; k < predicted.length; k++) {
            sum += Math.abs(predicted[k] - actual[k]);
        }
        return predicted.length == 0 ? Double.NaN : sum / predicted.length;
    }
}
