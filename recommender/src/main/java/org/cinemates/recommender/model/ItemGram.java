package org.cinemates.recommender.model;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.cinemates.recommender.data.Ratings;

/**
 * The items an item-item model works on and their Gram matrix {@code XᵀWX}: X holds each rating's
 * {@link Feedback} weight, W an optional weight per user. Item-item models (EASE, RP3beta, item-kNN) are
 * dense items × items, so they keep to the most rated items: those with at least {@code minRatings}
 * ratings, at most {@code maxItems} of them. Items outside never get a score.
 */
public final class ItemGram {

    private final int[] items;
    private final int[] positions;
    private final float[] gram;
    private final int[] counts;

    private ItemGram(int[] items, int[] positions, float[] gram, int[] counts) {
        this.items = items;
        this.positions = positions;
        this.gram = gram;
        this.counts = counts;
    }

    public static ItemGram of(Ratings ratings, Feedback feedback, int minRatings, int maxItems) {
        return of(ratings, feedback, minRatings, maxItems, user -> 1.0);
    }

    /** With {@code userWeight} multiplying every product of a user's ratings. */
    public static ItemGram of(
            Ratings ratings, Feedback feedback, int minRatings, int maxItems, IntToDoubleFunction userWeight) {
        int[] items = chosen(ratings, minRatings, maxItems);
        int[] positions = new int[ratings.itemCount()];
        Arrays.fill(positions, -1);
        for (int k = 0; k < items.length; k++) {
            positions[items[k]] = k;
        }
        int n = items.length;
        float[] gram = new float[n * n];
        float[] weights = new float[ratings.userCount()];
        for (int u = 0; u < weights.length; u++) {
            weights[u] = (float) userWeight.applyAsDouble(u);
        }
        // Row i gathers the users who rated item i: each row is written by one task, in a fixed order.
        Parallel.forEach(n, 8, row -> {
            int item = items[row];
            int base = row * n;
            for (int p = ratings.itemStart(item); p < ratings.itemEnd(item); p++) {
                int user = ratings.userAt(p);
                float wi = feedback.weight(ratings.itemScoreAt(p)) * weights[user];
                for (int q = ratings.userStart(user); q < ratings.userEnd(user); q++) {
                    int column = positions[ratings.itemAt(q)];
                    if (column >= 0) {
                        gram[base + column] += wi * feedback.weight(ratings.scoreAt(q));
                    }
                }
            }
        });
        int[] counts = new int[n];
        for (int k = 0; k < n; k++) {
            counts[k] = ratings.itemRatingCount(items[k]);
        }
        return new ItemGram(items, positions, gram, counts);
    }

    /**
     * The same items' session Gram matrix {@code Σ_u Σ_ij x_ui·x_uj·exp(−|t_ui − t_uj| / τ)}: two ratings a
     * user made within minutes of each other count almost as much as in {@code XᵀX}, ratings made days apart
     * nothing. People rate in sittings (a genre, a series, what a page showed together), so what a member
     * rated in one sitting says more about what else they would rate than what they rated years apart. The
     * exponential kernel is positive definite, so {@code XᵀX + αK} is too. Ratings without a time add
     * nothing; pairs further apart than {@value #SESSION_REACH} τ are left out (their weight is below
     * e^−{@value #SESSION_REACH}).
     */
    public ItemGram sessions(Ratings ratings, Feedback feedback, double tauSeconds) {
        int n = items.length;
        float[] kernel = new float[n * n];
        if (ratings.hasTimes()) {
            // Each user's positions in time order, and each position's place in that order.
            int[] byTime = new int[ratings.size()];
            int[] place = new int[ratings.size()];
            Parallel.forEach(ratings.userCount(), 64, u -> {
                int from = ratings.userStart(u);
                int length = ratings.userEnd(u) - from;
                long[] keys = new long[length];
                for (int k = 0; k < length; k++) {
                    keys[k] = ((long) ratings.timeAt(from + k) << 32) | k;
                }
                Arrays.sort(keys);
                for (int k = 0; k < length; k++) {
                    int position = from + (int) keys[k];
                    byTime[from + k] = position;
                    place[position] = from + k;
                }
            });
            double reach = SESSION_REACH * tauSeconds;
            Parallel.forEach(n, 8, row -> {
                int item = items[row];
                int base = row * n;
                for (int p = ratings.itemStart(item); p < ratings.itemEnd(item); p++) {
                    int user = ratings.userAt(p);
                    int at = ratings.positionOf(user, item);
                    int time = ratings.timeAt(at);
                    if (time == Ratings.NO_TIME) {
                        continue;
                    }
                    float wi = feedback.weight(ratings.itemScoreAt(p));
                    int from = ratings.userStart(user);
                    int to = ratings.userEnd(user);
                    for (int step = -1; step <= 1; step += 2) {
                        for (int k = place[at] + (step < 0 ? 0 : 1); k >= from && k < to; k += step) {
                            int q = byTime[k];
                            int other = ratings.timeAt(q);
                            double apart = Math.abs((double) other - time);
                            if (apart > reach) {
                                break;
                            }
                            int column = positions[ratings.itemAt(q)];
                            if (column >= 0 && other != Ratings.NO_TIME) {
                                kernel[base + column] += (float)
                                        (wi * feedback.weight(ratings.scoreAt(q)) * Math.exp(-apart / tauSeconds));
                            }
                        }
                    }
                }
            });
        }
        return new ItemGram(items, positions, kernel, counts);
    }

    /** How many τ apart two ratings may be and still count in {@link #sessions}. */
    static final int SESSION_REACH = 10;

    /** {@code G + weight·other}, over the same items. */
    public ItemGram plus(ItemGram other, double weight) {
        float[] sum = gram.clone();
        float[] added = other.gram;
        for (int k = 0; k < sum.length; k++) {
            sum[k] += (float) (weight * added[k]);
        }
        return new ItemGram(items, positions, sum, counts);
    }

    /** The most rated items with at least {@code minRatings} ratings, at most {@code maxItems}, ascending. */
    static int[] chosen(Ratings ratings, int minRatings, int maxItems) {
        long[] keyed = new long[ratings.itemCount()];
        int eligible = 0;
        for (int item = 0; item < ratings.itemCount(); item++) {
            int count = ratings.itemRatingCount(item);
            if (count >= Math.max(1, minRatings)) {
                // Most rated first, ties to the lower index.
                keyed[eligible++] = ((long) (Integer.MAX_VALUE - count) << 32) | item;
            }
        }
        long[] sorted = Arrays.copyOf(keyed, eligible);
        Arrays.sort(sorted);
        int n = Math.min(eligible, Math.max(0, maxItems));
        int[] items = new int[n];
        for (int k = 0; k < n; k++) {
            items[k] = (int) sorted[k];
        }
        Arrays.sort(items);
        return items;
    }

    /** The number of items. */
    public int size() {
        return items.length;
    }

    /** The ratings' item index at a position. */
    public int item(int position) {
        return items[position];
    }

    /** The position of a ratings item index, or -1 when the model does not cover it. */
    public int position(int item) {
        return item >= 0 && item < positions.length ? positions[item] : -1;
    }

    /** Training ratings of the item at a position. */
    public int count(int position) {
        return counts[position];
    }

    /** The Gram matrix, n × n row-major (shared: do not change). */
    float[] gram() {
        return gram;
    }

    int[] items() {
        return items;
    }

    int[] positions() {
        return positions;
    }

    /** The mean of the diagonal: the typical weight of an item's own ratings. */
    public double meanDiagonal() {
        int n = items.length;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += gram[k * n + k];
        }
        return n == 0 ? 0 : sum / n;
    }
}
