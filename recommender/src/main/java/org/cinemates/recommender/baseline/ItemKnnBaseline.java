package org.cinemates.recommender.baseline;

import java.util.Arrays;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.Parallel;
import org.cinemates.recommender.model.Predictor;

/**
 * Item-based k-nearest neighbours with baselines, like Surprise's {@code KNNBaseline} with {@code
 * pearson_baseline} item similarity: {@code r̂_ui = b_ui + Σ_j s_ij (r_uj − b_uj) / Σ_j s_ij} over the k
 * items the user rated that are most similar to i (positive similarities only). The similarity is the
 * Pearson correlation of baseline residuals over common raters, shrunk by {@code (n−1)/(n−1+100)}. It
 * ranks by the predicted rating over all items.
 *
 * <p>Holds a dense items × items similarity matrix: fine for MovieLens' ten thousand movies, not meant
 * for sixty thousand.
 */
public final class ItemKnnBaseline implements Algorithm {

    public static final int DEFAULT_K = 40;
    public static final double DEFAULT_SHRINKAGE = 100;

    private final int k;
    private final double shrinkage;

    public ItemKnnBaseline() {
        this(DEFAULT_K, DEFAULT_SHRINKAGE);
    }

    public ItemKnnBaseline(int k, double shrinkage) {
        this.k = k;
        this.shrinkage = shrinkage;
    }

    @Override
    public String name() {
        return "item-knn-baseline";
    }

    @Override
    public Predictor fit(Ratings training) {
        Biases biases = Biases.fit(training);
        float[] residualByUser = new float[training.size()];
        float[] residualByItem = new float[training.size()];
        for (int u = 0; u < training.userCount(); u++) {
            for (int p = training.userStart(u); p < training.userEnd(u); p++) {
                residualByUser[p] = (float) (training.scoreAt(p) - biases.estimate(u, training.itemAt(p)));
            }
        }
        for (int i = 0; i < training.itemCount(); i++) {
            for (int p = training.itemStart(i); p < training.itemEnd(i); p++) {
                residualByItem[p] = (float) (training.itemScoreAt(p) - biases.estimate(training.userAt(p), i));
            }
        }
        float[] similarity = similarities(training, residualByUser, residualByItem);
        return new Neighbourhood(training, biases, similarity, residualByUser, k);
    }

    private float[] similarities(Ratings training, float[] residualByUser, float[] residualByItem) {
        int n = training.itemCount();
        float[] similarity = new float[Math.multiplyExact(n, n)];
        ThreadLocal<Accumulators> local = ThreadLocal.withInitial(() -> new Accumulators(n));
        Parallel.forEach(n, 16, i -> {
            Accumulators acc = local.get();
            int touched = 0;
            for (int q = training.itemStart(i); q < training.itemEnd(i); q++) {
                int u = training.userAt(q);
                double ri = residualByItem[q];
                for (int p = training.userStart(u); p < training.userEnd(u); p++) {
                    int j = training.itemAt(p);
                    double rj = residualByUser[p];
                    if (acc.count[j] == 0) {
                        acc.touched[touched++] = j;
                    }
                    acc.count[j]++;
                    acc.xy[j] += ri * rj;
                    acc.xx[j] += ri * ri;
                    acc.yy[j] += rj * rj;
                }
            }
            int row = i * n;
            for (int t = 0; t < touched; t++) {
                int j = acc.touched[t];
                int common = acc.count[j];
                double denominator = Math.sqrt(acc.xx[j] * acc.yy[j]);
                if (denominator > 0) {
                    double pearson = acc.xy[j] / denominator;
                    similarity[row + j] = (float) ((common - 1) / (common - 1 + shrinkage) * pearson);
                }
                acc.count[j] = 0;
                acc.xy[j] = 0;
                acc.xx[j] = 0;
                acc.yy[j] = 0;
            }
            similarity[row + i] = 1f;
        });
        return similarity;
    }

    private static final class Accumulators {
        final int[] count;
        final int[] touched;
        final double[] xy;
        final double[] xx;
        final double[] yy;

        Accumulators(int n) {
            count = new int[n];
            touched = new int[n];
            xy = new double[n];
            xx = new double[n];
            yy = new double[n];
        }
    }

    private static final class Neighbourhood implements Predictor {

        private final Ratings training;
        private final Biases biases;
        private final float[] similarity;
        private final float[] residuals;
        private final int k;
        private final int n;
        private final ThreadLocal<float[][]> heaps;
        private final ThreadLocal<Candidates> candidates;

        Neighbourhood(Ratings training, Biases biases, float[] similarity, float[] residuals, int k) {
            this.training = training;
            this.biases = biases;
            this.similarity = similarity;
            this.residuals = residuals;
            this.k = k;
            this.n = training.itemCount();
            this.heaps = ThreadLocal.withInitial(() -> new float[][] {new float[k], new float[k]});
            this.candidates = ThreadLocal.withInitial(() -> new Candidates(n, k));
        }

        @Override
        public double predict(int user, int item) {
            return Biases.clip(estimate(user, item));
        }

        /**
         * The same estimate for every item at once. The similarity matrix is symmetric, so walking the rows
         * of the user's rated items visits every candidate's similarities in memory order, and each
         * candidate keeps its own k best in a small heap.
         */
        @Override
        public void scoreItems(int user, float[] scores) {
            Candidates c = candidates.get();
            Arrays.fill(c.size, 0);
            for (int p = training.userStart(user); p < training.userEnd(user); p++) {
                int row = training.itemAt(p) * n;
                float residual = residuals[p];
                for (int item = 0; item < n; item++) {
                    float s = similarity[row + item];
                    if (s > 0) {
                        c.offer(item, s, residual);
                    }
                }
            }
            for (int item = 0; item < scores.length; item++) {
                double baseline = biases.estimate(user, item);
                int size = c.size[item];
                if (size == 0) {
                    scores[item] = (float) baseline;
                    continue;
                }
                double weighted = 0;
                double total = 0;
                for (int t = item * k; t < item * k + size; t++) {
                    weighted += c.sims[t] * c.values[t];
                    total += c.sims[t];
                }
                scores[item] = (float) (baseline + weighted / total);
            }
        }

        /** Baseline plus the similarity-weighted residuals of the k most similar items the user rated. */
        private double estimate(int user, int item) {
            float[][] heap = heaps.get();
            float[] sims = heap[0];
            float[] values = heap[1];
            int size = 0;
            int row = item * n;
            for (int p = training.userStart(user); p < training.userEnd(user); p++) {
                float s = similarity[row + training.itemAt(p)];
                if (!(s > 0)) {
                    continue;
                }
                if (size < k) {
                    // sift up in a min-heap on similarity
                    int at = size++;
                    while (at > 0 && sims[(at - 1) >>> 1] > s) {
                        int parent = (at - 1) >>> 1;
                        sims[at] = sims[parent];
                        values[at] = values[parent];
                        at = parent;
                    }
                    sims[at] = s;
                    values[at] = residuals[p];
                } else if (s > sims[0]) {
                    int at = 0;
                    while (true) {
                        int child = 2 * at + 1;
                        if (child >= size) {
                            break;
                        }
                        if (child + 1 < size && sims[child + 1] < sims[child]) {
                            child++;
                        }
                        if (sims[child] >= s) {
                            break;
                        }
                        sims[at] = sims[child];
                        values[at] = values[child];
                        at = child;
                    }
                    sims[at] = s;
                    values[at] = residuals[p];
                }
            }
            double baseline = biases.estimate(user, item);
            if (size == 0) {
                return baseline;
            }
            double weighted = 0;
            double total = 0;
            for (int t = 0; t < size; t++) {
                weighted += sims[t] * values[t];
                total += sims[t];
            }
            return baseline + weighted / total;
        }
    }

    /** Per-thread k-best neighbour heaps for every candidate item (min-heaps on similarity). */
    private static final class Candidates {
        final int k;
        final int[] size;
        final float[] sims;
        final float[] values;

        Candidates(int n, int k) {
            this.k = k;
            size = new int[n];
            sims = new float[n * k];
            values = new float[n * k];
        }

        void offer(int item, float s, float value) {
            int base = item * k;
            int count = size[item];
            if (count < k) {
                int at = count;
                size[item] = count + 1;
                while (at > 0 && sims[base + ((at - 1) >>> 1)] > s) {
                    int parent = (at - 1) >>> 1;
                    sims[base + at] = sims[base + parent];
                    values[base + at] = values[base + parent];
                    at = parent;
                }
                sims[base + at] = s;
                values[base + at] = value;
            } else if (s > sims[base]) {
                int at = 0;
                while (true) {
                    int child = 2 * at + 1;
                    if (child >= count) {
                        break;
                    }
                    if (child + 1 < count && sims[base + child + 1] < sims[base + child]) {
                        child++;
                    }
                    if (sims[base + child] >= s) {
                        break;
                    }
                    sims[base + at] = sims[base + child];
                    values[base + at] = values[base + child];
                    at = child;
                }
                sims[base + at] = s;
                values[base + at] = value;
            }
        }
    }
}
