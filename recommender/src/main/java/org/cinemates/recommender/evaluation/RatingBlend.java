package org.cinemates.recommender.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.Predictor;
import org.cinemates.recommender.model.Relevance;
import org.cinemates.recommender.model.Validation;

/**
 * A rating predictor that blends others linearly ({@code rating-blend}), weights by least squares on the
 * validation split: each part fits on the split's fit part and predicts the held-back ratings, the weights
 * (and an intercept) are the ridge regression of the ratings on those predictions, then each part fits
 * again on all the training ratings. Ranks by its first part.
 */
final class RatingBlend implements Algorithm {

    static final String NAME = "rating-blend";

    private final List<Algorithm> parts;
    private final long seed;

    RatingBlend(List<Algorithm> parts, long seed) {
        this.parts = List.copyOf(parts);
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Predictor fit(Ratings training) {
        Validation validation = Validation.split(training, Relevance.LIKED, seed);
        Ratings held = validation.held();
        int n = parts.size() + 1;
        double[] gram = new double[n * n];
        double[] target = new double[n];
        List<Predictor> onFit = new ArrayList<>();
        for (Algorithm part : parts) {
            onFit.add(part.fit(validation.fit()));
        }
        double[] row = new double[n];
        for (int u = 0; u < held.userCount(); u++) {
            for (int p = held.userStart(u); p < held.userEnd(u); p++) {
                row[0] = 1;
                for (int k = 0; k < parts.size(); k++) {
                    row[k + 1] = onFit.get(k).predict(u, held.itemAt(p));
                }
                for (int a = 0; a < n; a++) {
                    target[a] += row[a] * held.scoreAt(p);
                    for (int b = 0; b < n; b++) {
                        gram[a * n + b] += row[a] * row[b];
                    }
                }
            }
        }
        for (int a = 1; a < n; a++) {
            gram[a * n + a] += 1e-3 * held.size();
        }
        double[] weights = solve(gram, target, n);
        System.err.println("  rating-blend weights (intercept first): " + Arrays.toString(weights));
        List<Predictor> onAll = new ArrayList<>();
        for (Algorithm part : parts) {
            onAll.add(part.fit(training));
        }
        return new Predictor() {
            @Override
            public double predict(int user, int item) {
                double sum = weights[0];
                for (int k = 0; k < onAll.size(); k++) {
                    sum += weights[k + 1] * onAll.get(k).predict(user, item);
                }
                return Math.max(0.5, Math.min(5, sum));
            }

            @Override
            public void scoreItems(int user, float[] scores) {
                onAll.get(0).scoreItems(user, scores);
            }
        };
    }

    /** Gaussian elimination with partial pivoting on a small system. */
    private static double[] solve(double[] a, double[] b, int n) {
        double[] m = a.clone();
        double[] x = b.clone();
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r * n + c]) > Math.abs(m[pivot * n + c])) {
                    pivot = r;
                }
            }
            for (int k = 0; k < n; k++) {
                double t = m[c * n + k];
                m[c * n + k] = m[pivot * n + k];
                m[pivot * n + k] = t;
            }
            double t = x[c];
            x[c] = x[pivot];
            x[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r * n + c] / m[c * n + c];
                for (int k = c; k < n; k++) {
                    m[r * n + k] -= f * m[c * n + k];
                }
                x[r] -= f * x[c];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double sum = x[r];
            for (int k = r + 1; k < n; k++) {
                sum -= m[r * n + k] * x[k];
            }
            x[r] = sum / m[r * n + r];
        }
        return x;
    }
}
