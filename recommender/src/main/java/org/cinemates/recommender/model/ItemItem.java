package org.cinemates.recommender.model;

import java.util.Arrays;

/**
 * A learned items × items matrix over the items of an {@link ItemGram}: row i says how much having item i
 * in a profile raises each other item. A user's score for item j is {@code Σ_i w_i · M[i][j]} over the
 * items they rated (weights from {@link Feedback}); items outside the matrix score NaN (never ranked).
 * Immutable.
 */
public final class ItemItem {

    private final int[] items;
    private final int[] positions;
    private final float[] matrix;
    private final int n;

    ItemItem(int[] items, int[] positions, float[] matrix) {
        this.items = items;
        this.positions = positions;
        this.matrix = matrix;
        this.n = items.length;
        if (matrix.length != n * n) {
            throw new IllegalArgumentException("An item-item matrix of " + n + " items needs " + n * n + " values");
        }
    }

    static ItemItem of(ItemGram gram, float[] matrix) {
        return new ItemItem(gram.items(), gram.positions(), matrix);
    }

    /** A matrix over the items of {@code gram} (n × n row-major), e.g. similarities worked out from it. */
    public static ItemItem over(ItemGram gram, float[] matrix) {
        return of(gram, matrix);
    }

    /** The Gram matrix itself (shared: do not change), for models built from it. */
    public static float[] gramOf(ItemGram gram) {
        return gram.gram();
    }

    /** Items covered. */
    public int size() {
        return n;
    }

    /** The position of an item index, or -1 when the matrix does not cover it. */
    public int position(int item) {
        return item >= 0 && item < positions.length ? positions[item] : -1;
    }

    public int item(int position) {
        return items[position];
    }

    /** M[from][to] by item index (0 when either is not covered). */
    public float weight(int from, int to) {
        int a = position(from);
        int b = position(to);
        return a < 0 || b < 0 ? 0 : matrix[a * n + b];
    }

    /**
     * Writes every item's score into {@code scores} (length: all items; NaN for those not covered) for a
     * profile of {@code rated} item indexes with weights {@code weights}.
     */
    public void score(int[] rated, float[] weights, float[] scores) {
        float[] row = new float[n];
        for (int k = 0; k < rated.length; k++) {
            int from = position(rated[k]);
            if (from < 0) {
                continue;
            }
            float w = weights[k];
            int base = from * n;
            for (int j = 0; j < n; j++) {
                row[j] += w * matrix[base + j];
            }
        }
        Arrays.fill(scores, Float.NaN);
        for (int j = 0; j < n; j++) {
            scores[items[j]] = row[j];
        }
    }

    /** The score of one item: the same as {@link #score} gives it. */
    public float scoreOne(int[] rated, float[] weights, int item) {
        int to = position(item);
        if (to < 0) {
            return Float.NaN;
        }
        float sum = 0;
        for (int k = 0; k < rated.length; k++) {
            int from = position(rated[k]);
            if (from >= 0) {
                sum += weights[k] * matrix[from * n + to];
            }
        }
        return sum;
    }

    // For the model file.
    int[] items() {
        return items;
    }

    int[] positions() {
        return positions;
    }

    float[] matrix() {
        return matrix;
    }
}
