package org.cinemates.recommender.model;

import java.util.SplittableRandom;
import org.cinemates.recommender.data.Ratings;

/**
 * What tuning may look at: a fifth of each user's training ratings held back (seeded), the rest to fit on.
 * Every setting an algorithm chooses, it chooses by NDCG@10 on the held-back part, then fits again on all
 * training ratings; the evaluation's test ratings are never seen.
 */
public final class Validation {

    static final int PARTS = 5;

    /**
     * Users whose validation rankings are scored, at most (a seeded sample beyond): enough to tell
     * settings apart, and a few seconds per setting even with 162,000 users.
     */
    static final int MAX_SCORED_USERS = 5000;

    private final Ratings fit;
    private final Ratings held;
    private final Relevance relevance;
    private final long seed;

    private Validation(Ratings fit, Ratings held, Relevance relevance, long seed) {
        this.fit = fit;
        this.held = held;
        this.relevance = relevance;
        this.seed = seed;
    }

    /** Holds back one rating in {@value #PARTS} of each user (users with fewer than two keep all). */
    public static Validation split(Ratings training, Relevance relevance, long seed) {
        boolean[] heldBack = new boolean[training.size()];
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int user = 0; user < training.userCount(); user++) {
            int from = training.userStart(user);
            int length = training.userRatingCount(user);
            if (length < 2) {
                continue;
            }
            int offset = random.nextInt(PARTS);
            int[] order = new int[length];
            for (int k = 0; k < length; k++) {
                order[k] = k;
            }
            for (int k = length - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = order[k];
                order[k] = order[j];
                order[j] = t;
            }
            for (int k = 0; k < length; k++) {
                heldBack[from + order[k]] = (k + offset) % PARTS == 0;
            }
        }
        return new Validation(training.filter(p -> !heldBack[p]), training.filter(p -> heldBack[p]), relevance, seed);
    }

    /** The ratings to fit on while tuning. */
    public Ratings fit() {
        return fit;
    }

    /** The held-back ratings. */
    public Ratings held() {
        return held;
    }

    public Relevance relevance() {
        return relevance;
    }

    /** The seed the split was made with. */
    public long seed() {
        return seed;
    }

    /** Ranking scores of every item for one user of the fit ratings. */
    @FunctionalInterface
    public interface Scorer {
        void score(int user, float[] scores);
    }

    /**
     * Mean NDCG@10 over users with a relevant held-back rating (a seeded sample of at most {@value
     * #MAX_SCORED_USERS}); items they rated in the fit part excluded.
     */
    public double ndcg(Scorer scorer) {
        int[] sample = sample();
        int users = sample.length;
        double[] perUser = new double[users];
        boolean[] counted = new boolean[users];
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[fit.itemCount()]);
        Parallel.forEach(users, 8, k -> {
            int u = sample[k];
            int relevant = 0;
            for (int p = held.userStart(u); p < held.userEnd(u); p++) {
                if (relevance.relevant(held.scoreAt(p))) {
                    relevant++;
                }
            }
            if (relevant == 0) {
                return;
            }
            float[] scores = buffers.get();
            scorer.score(u, scores);
            int[] top = TopN.select(scores, 10, item -> fit.hasRated(u, item));
            double dcg = 0;
            for (int rank = 0; rank < top.length; rank++) {
                float score = held.score(u, top[rank]);
                if (!Float.isNaN(score) && relevance.relevant(score)) {
                    dcg += 1 / log2(rank + 2);
                }
            }
            double ideal = 0;
            for (int rank = 0; rank < Math.min(10, relevant); rank++) {
                ideal += 1 / log2(rank + 2);
            }
            perUser[k] = dcg / ideal;
            counted[k] = true;
        });
        double sum = 0;
        int n = 0;
        for (int k = 0; k < users; k++) {
            if (counted[k]) {
                sum += perUser[k];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Every user, or a seeded sample of {@value #MAX_SCORED_USERS} in ascending order. */
    private int[] sample() {
        int users = fit.userCount();
        int[] all = new int[users];
        for (int u = 0; u < users; u++) {
            all[u] = u;
        }
        if (users <= MAX_SCORED_USERS) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        for (int k = 0; k < MAX_SCORED_USERS; k++) {
            int j = k + random.nextInt(users - k);
            int t = all[k];
            all[k] = all[j];
            all[j] = t;
        }
        int[] sample = java.util.Arrays.copyOf(all, MAX_SCORED_USERS);
        java.util.Arrays.sort(sample);
        return sample;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** A user's rated items and their {@link Feedback} weights, from any ratings. */
    public static float[] weights(Ratings ratings, int user, Feedback feedback) {
        float[] weights = new float[ratings.userRatingCount(user)];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = feedback.weight(ratings.scoreAt(ratings.userStart(user) + k));
        }
        return weights;
    }
}
