package org.cinemates.recommender.model;

import java.util.SplittableRandom;
import org.cinemates.recommender.data.Ratings;

/**
 * Weighted ALS on implicit feedback (Hu, Koren and Volinsky 2008): every rated item is a positive with a
 * confidence that grows with its score, every other item a weak negative. It learns what people choose to
 * watch, which is what top-N ranking needs. Each half-step solves all users (or items) in parallel with a
 * few warm-started conjugate-gradient steps (Takács et al. 2011), so an iteration costs O(ratings × f)
 * rather than O(ratings × f²); each solve writes only its own row, so results do not depend on threads.
 *
 * <p>User u minimises {@code Σ_i c_ui (p_ui − x_u·y_i)² + λ |x_u|²} with {@code p_ui = 1} for rated
 * items, else 0, and {@code c_ui = 1 + α (r_ui/5)^γ} for rated items, else {@code w0}.
 */
public final class ImplicitAls implements Algorithm {

    /**
     * @param factors latent dimensions
     * @param iterations alternations (users then items)
     * @param regularization λ
     * @param alpha α, confidence added by a rating
     * @param scoreExponent γ: how much a higher score raises confidence
     * @param unobservedWeight w0, the weight of every unrated item
     * @param cgSteps conjugate-gradient steps per solve
     * @param initDeviation deviation of the normal initial factors
     * @param seed all randomness comes from it
     */
    public record Config(
            int factors,
            int iterations,
            float regularization,
            float alpha,
            float scoreExponent,
            float unobservedWeight,
            int cgSteps,
            float initDeviation,
            long seed) {

        public static Config defaults() {
            return new Config(64, 10, 30f, 8f, 5f, 1f, 3, 0.01f, 42);
        }

        public Config withSeed(long newSeed) {
            return new Config(
                    factors,
                    iterations,
                    regularization,
                    alpha,
                    scoreExponent,
                    unobservedWeight,
                    cgSteps,
                    initDeviation,
                    newSeed);
        }

        float confidence(float score) {
            return 1f + alpha * (float) Math.pow(score / 5.0, scoreExponent);
        }
    }

    /** The learned factors, row-major. */
    @SuppressWarnings("ArrayRecordComponent") // parameter holders: the arrays are the point
    record Fitted(float[] userFactors, float[] itemFactors, int factors) {}

    private final Config config;

    public ImplicitAls(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "implicit-als";
    }

    @Override
    public Predictor fit(Ratings training) {
        Fitted fitted = train(training, config);
        double mean = training.mean();
        return new Predictor() {
            @Override
            public double predict(int user, int item) {
                // A ranking model: it says how likely, not how much; rating questions get the mean.
                return mean;
            }

            @Override
            public void scoreItems(int user, float[] scores) {
                int f = fitted.factors();
                for (int item = 0; item < scores.length; item++) {
                    scores[item] = Dense.dot(fitted.userFactors(), user * f, fitted.itemFactors(), item * f, f);
                }
            }
        };
    }

    static Fitted train(Ratings ratings, Config config) {
        int users = ratings.userCount();
        int items = ratings.itemCount();
        int f = config.factors();
        SplittableRandom random = new SplittableRandom(config.seed());
        float[] userFactors = Dense.gaussian(users, f, config.initDeviation(), random.nextLong());
        float[] itemFactors = Dense.gaussian(items, f, config.initDeviation(), random.nextLong());
        // Both sides' rows in plain arrays with each rating's extra confidence (c − w0), read in the inner loops.
        Side byUser = new Side(users, ratings.size());
        Side byItem = new Side(items, ratings.size());
        float[] table = confidenceTable(config);
        float w0 = config.unobservedWeight();
        for (int u = 0; u < users; u++) {
            byUser.offsets[u + 1] = ratings.userEnd(u);
            for (int p = ratings.userStart(u); p < ratings.userEnd(u); p++) {
                byUser.others[p] = ratings.itemAt(p);
                byUser.extra[p] = lookup(table, ratings.scoreAt(p), config) - w0;
            }
        }
        for (int i = 0; i < items; i++) {
            byItem.offsets[i + 1] = ratings.itemEnd(i);
            for (int p = ratings.itemStart(i); p < ratings.itemEnd(i); p++) {
                byItem.others[p] = ratings.userAt(p);
                byItem.extra[p] = lookup(table, ratings.itemScoreAt(p), config) - w0;
            }
        }
        for (int iteration = 0; iteration < config.iterations(); iteration++) {
            float[][] itemGram = weightedGram(itemFactors, items, f, w0);
            Parallel.forEach(
                    users, 64, u -> Solver.local(f).solve(userFactors, u, itemFactors, itemGram, byUser, config));
            float[][] userGram = weightedGram(userFactors, users, f, w0);
            Parallel.forEach(
                    items, 64, i -> Solver.local(f).solve(itemFactors, i, userFactors, userGram, byItem, config));
        }
        return new Fitted(userFactors, itemFactors, f);
    }

    /** One side's rows: for row r, positions offsets[r]..offsets[r+1]-1 name the other side and its extra confidence. */
    private static final class Side {
        final int[] offsets;
        final int[] others;
        final float[] extra;

        Side(int rows, int size) {
            offsets = new int[rows + 1];
            others = new int[size];
            extra = new float[size];
        }
    }

    /** w0 · MᵀM, one array per row (whole-array loops are the ones the JIT vectorises). */
    private static float[][] weightedGram(float[] factors, int rows, int f, float weight) {
        double[] gram = Dense.gram(factors, rows, f);
        float[][] weighted = new float[f][f];
        for (int a = 0; a < f; a++) {
            for (int b = 0; b < f; b++) {
                weighted[a][b] = (float) (weight * gram[a * f + b]);
            }
        }
        return weighted;
    }

    /** Confidences of the half-star scores, computed once. */
    static float[] confidenceTable(Config config) {
        float[] table = new float[11];
        for (int half = 0; half <= 10; half++) {
            table[half] = config.confidence(half / 2f);
        }
        return table;
    }

    static float lookup(float[] table, float score, Config config) {
        float halves = score * 2;
        int half = Math.round(halves);
        return half == halves && half >= 0 && half <= 10 ? table[half] : config.confidence(score);
    }

    /** Per-thread scratch space for one least-squares solve. */
    private static final class Solver {

        private static final ThreadLocal<Solver> LOCAL = new ThreadLocal<>();

        private final int f;
        private final float[] x;
        private final float[] r;
        private final float[] p;
        private final float[] ap;
        private final float[] y;
        private final float[] scratch;

        private Solver(int f) {
            this.f = f;
            x = new float[f];
            r = new float[f];
            p = new float[f];
            ap = new float[f];
            y = new float[f];
            scratch = new float[f];
        }

        static Solver local(int f) {
            Solver solver = LOCAL.get();
            if (solver == null || solver.f != f) {
                solver = new Solver(f);
                LOCAL.set(solver);
            }
            return solver;
        }

        /**
         * Improves row {@code row} of {@code target} with a few conjugate-gradient steps on {@code (w0 YᵀY +
         * Σ (c−w0) y yᵀ + λI) x = Σ c y}, starting from its current value.
         */
        void solve(float[] target, int row, float[] other, float[][] gram, Side side, Config config) {
            int o = row * f;
            int from = side.offsets[row];
            int to = side.offsets[row + 1];
            float lambda = config.regularization();
            float w0 = config.unobservedWeight();
            System.arraycopy(target, o, x, 0, f);
            // r = b − A x, with b = Σ c y
            multiply(x, r, other, gram, from, to, side, lambda);
            for (int k = 0; k < f; k++) {
                r[k] = -r[k];
            }
            for (int q = from; q < to; q++) {
                System.arraycopy(other, side.others[q] * f, y, 0, f);
                float c = side.extra[q] + w0;
                for (int k = 0; k < f; k++) {
                    r[k] += c * y[k];
                }
            }
            System.arraycopy(r, 0, p, 0, f);
            double rr = Dense.dot(r, r, scratch, f);
            for (int step = 0; step < config.cgSteps() && rr > 1e-20; step++) {
                multiply(p, ap, other, gram, from, to, side, lambda);
                double pap = Dense.dot(p, ap, scratch, f);
                if (!(pap > 0)) {
                    break;
                }
                float a = (float) (rr / pap);
                for (int k = 0; k < f; k++) {
                    x[k] += a * p[k];
                    r[k] -= a * ap[k];
                }
                double next = Dense.dot(r, r, scratch, f);
                float beta = (float) (next / rr);
                for (int k = 0; k < f; k++) {
                    p[k] = r[k] + beta * p[k];
                }
                rr = next;
            }
            System.arraycopy(x, 0, target, o, f);
        }

        /** out = (gram + Σ extra · y yᵀ + λI) v */
        private void multiply(
                float[] v, float[] out, float[] other, float[][] gram, int from, int to, Side side, float lambda) {
            for (int a = 0; a < f; a++) {
                out[a] = lambda * v[a] + Dense.dot(gram[a], v, scratch, f);
            }
            for (int q = from; q < to; q++) {
                System.arraycopy(other, side.others[q] * f, y, 0, f);
                float weight = side.extra[q] * Dense.dot(v, y, scratch, f);
                for (int k = 0; k < f; k++) {
                    out[k] += weight * y[k];
                }
            }
        }
    }
}
