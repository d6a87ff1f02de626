package org.cinemates.recommender.model;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cinemates.recommender.data.Ratings;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_MT_FDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EASE (Steck 2019): the items × items matrix B with a zero diagonal that best rebuilds every user's
 * ratings from their other ratings, {@code min ‖X − XB‖² + λ‖B‖²}, in closed form: {@code P = (XᵀX + λI)⁻¹},
 * {@code B_ij = −P_ij / P_jj}. One setting, λ, chosen on the validation split. The inverse is dense, so
 * the model keeps to the most rated items ({@link ItemGram}).
 */
public final class Ease {

    /** Where the search for λ starts; about right for MovieLens sets of any size (Steck used 200–500). */
    static final double FIRST_LAMBDA = 200;

    static final double MIN_LAMBDA = 10;
    static final double MAX_LAMBDA = 50_000;

    /**
     * @param feedback how a rating enters X
     * @param minRatings items rated fewer times are left out
     * @param maxItems at most this many (the most rated) items: the inversion costs maxItems³
     * @param emphasis whether to also tune EDLAE's dropout emphasis ({@link #DROPOUTS}) on the validation
     *     split; without it, plain EASE
     * @param sessions whether to also try adding the session Gram matrix ({@link ItemGram#sessions}) of
     *     ratings that carry their time, with its weight and time scale ({@link #SESSION_WEIGHTS}, {@link
     *     #SESSION_SECONDS}) chosen on the validation split; without it, only who rated what and how
     */
    public record Config(Feedback feedback, int minRatings, int maxItems, boolean emphasis, boolean sessions) {

        public Config(Feedback feedback, int minRatings, int maxItems) {
            this(feedback, minRatings, maxItems, false, false);
        }

        public Config(Feedback feedback, int minRatings, int maxItems, boolean emphasis) {
            this(feedback, minRatings, maxItems, emphasis, false);
        }

        public Config withMaxItems(int items) {
            return new Config(feedback, minRatings, items, emphasis, sessions);
        }
    }

    /** The weights α of the session Gram matrix tried on the validation split ({@code XᵀX + αK}). */
    static final double[] SESSION_WEIGHTS = {1, 4};

    /**
     * The time scales τ of the session kernel tried on the validation split: two minutes. Twenty minutes
     * lost to two on ml-latest-small (validation NDCG@10 0.3247 against 0.3289) and tied on 25 M
     * ratings (0.0963 both), where its wider kernel and walks cost a sixth of the 5-minute budget.
     */
    static final double[] SESSION_SECONDS = {120};

    /**
     * The dropout probabilities p the emphasised variant tries (EDLAE, Steck 2020): training as a denoising
     * autoencoder that drops each input with probability p, with the dropped entries emphasised, has the
     * closed form of EASE with {@code p/(1−p)·diag(XᵀX)} added to the ridge, a penalty that grows with an
     * item's own weight and so keeps popular items from explaining themselves through their neighbours.
     */
    static final double[] DROPOUTS = {0.1, 0.25, 0.5};

    /**
     * The fitted matrix and the λ and dropout p it was fitted with, and the weight α and time scale τ of the
     * session Gram matrix (α 0: none).
     */
    public record Fitted(ItemItem weights, double lambda, double dropout, double sessionWeight, double sessionSeconds) {

        Fitted(ItemItem weights, double lambda, double dropout) {
            this(weights, lambda, dropout, 0, 0);
        }
    }

    private Ease() {}

    /** B for a given λ. */
    public static ItemItem fit(ItemGram gram, double lambda) {
        return fit(gram, lambda, 0);
    }

    /** B for a given λ and dropout p: the ridge on item j is {@code λ + p/(1−p)·G_jj}. */
    public static ItemItem fit(ItemGram gram, double lambda, double dropout) {
        int n = gram.size();
        float[] a = gram.gram().clone();
        double emphasis = dropout / (1 - dropout);
        for (int k = 0; k < n; k++) {
            a[k * n + k] += (float) (lambda + emphasis * a[k * n + k]);
        }
        FMatrixRMaj inverse = new FMatrixRMaj(n, n);
        if (n > 0) {
            // EJML's blocked Cholesky on every core.
            LinearSolverDense<FMatrixRMaj> solver = LinearSolverFactory_MT_FDRM.symmPosDef(n);
            if (!solver.setA(FMatrixRMaj.wrap(n, n, a))) {
                throw new IllegalStateException("XᵀX + λI is not positive definite (λ = " + lambda + ")");
            }
            solver.invert(inverse);
        }
        float[] p = inverse.data;
        float[] diagonal = new float[n];
        for (int j = 0; j < n; j++) {
            diagonal[j] = p[j * n + j];
        }
        Parallel.forEach(n, 64, i -> {
            int base = i * n;
            for (int j = 0; j < n; j++) {
                p[base + j] = -p[base + j] / diagonal[j];
            }
            p[base + i] = 0;
        });
        return ItemItem.of(gram, p);
    }

    /** What a tuning depends on besides the training ratings themselves. */
    private record Key(Config config, Relevance relevance, long seed, String what) {}

    /**
     * Fits already made on the same training ratings (held while those are): the evaluation trains the
     * rating-weighted EASE baseline and the shipped model, which share it, on the same folds. The same
     * inputs give the same matrix, so this only saves time.
     */
    private static final Map<Ratings, Map<Key, Fitted>> MADE = Collections.synchronizedMap(new WeakHashMap<>());

    private static Fitted remembered(Ratings training, Key key, Supplier<Fitted> make) {
        Map<Key, Fitted> made = MADE.computeIfAbsent(training, r -> new ConcurrentHashMap<>());
        Fitted known = made.get(key);
        if (known == null) {
            known = make.get();
            made.put(key, known);
        }
        return known;
    }

    /**
     * Tunes λ on {@code validation} (a split of {@code training}), then fits on all of {@code training}.
     * Returns the fit on all of it and, as {@link Tuned#onValidation()}, the best on the validation split.
     */
    public static Tuned train(Ratings training, Config config, Validation validation, Consumer<String> progress) {
        Fitted tuned = remembered(
                training,
                new Key(config, validation.relevance(), validation.seed(), "validation"),
                () -> tune(validation, config, progress));
        Fitted all = remembered(training, new Key(config, validation.relevance(), validation.seed(), "all"), () -> {
            ItemGram gram = ItemGram.of(training, config.feedback(), config.minRatings(), config.maxItems());
            if (tuned.sessionWeight() > 0) {
                gram = gram.plus(
                        gram.sessions(training, config.feedback(), tuned.sessionSeconds()), tuned.sessionWeight());
            }
            return new Fitted(
                    fit(gram, tuned.lambda(), tuned.dropout()),
                    tuned.lambda(),
                    tuned.dropout(),
                    tuned.sessionWeight(),
                    tuned.sessionSeconds());
        });
        return new Tuned(all, tuned);
    }

    /** A fit on all training ratings and the one on the validation split's fit part that chose its λ. */
    public record Tuned(Fitted all, Fitted onValidation) {}

    /**
     * A walk over λ in steps of ×2 from {@value #FIRST_LAMBDA}, towards whichever neighbour scores better on
     * the validation split, until a step scores worse: four or five fits in all. With {@link
     * Config#emphasis()}, the same walk again for each dropout p of {@link #DROPOUTS} (from the best λ so
     * far, halved, since the emphasis takes over part of the ridge). Returns the best setting and the matrix
     * it gave on the validation split's fit part.
     */
    static Fitted tune(Validation validation, Config config, Consumer<String> progress) {
        Ratings fit = validation.fit();
        ItemGram gram = ItemGram.of(fit, config.feedback(), config.minRatings(), config.maxItems());
        Fitted[] best = {null};
        double[] bestSeen = {Double.NEGATIVE_INFINITY};
        double lambda = walk(validation, config, gram, 0, 0, 0, FIRST_LAMBDA, best, bestSeen, progress);
        if (config.emphasis()) {
            for (double dropout : DROPOUTS) {
                walk(
                        validation,
                        config,
                        gram,
                        dropout,
                        0,
                        0,
                        Math.max(MIN_LAMBDA, lambda / 2),
                        best,
                        bestSeen,
                        progress);
            }
        }
        if (config.sessions() && fit.hasTimes()) {
            // Each weight's walk starts from the plain fit's λ.
            double plain = best[0].lambda();
            for (double seconds : SESSION_SECONDS) {
                ItemGram sessions = gram.sessions(fit, config.feedback(), seconds);
                for (double weight : SESSION_WEIGHTS) {
                    walk(
                            validation,
                            config,
                            gram.plus(sessions, weight),
                            best[0].dropout(),
                            weight,
                            seconds,
                            plain,
                            best,
                            bestSeen,
                            progress);
                }
            }
        }
        return java.util.Objects.requireNonNull(best[0]);
    }

    /** One λ walk at a fixed dropout; returns its best λ, and keeps the best fit seen in {@code best}. */
    private static double walk(
            Validation validation,
            Config config,
            ItemGram gram,
            double dropout,
            double sessionWeight,
            double sessionSeconds,
            double first,
            Fitted[] best,
            double[] bestSeen,
            Consumer<String> progress) {
        Ratings fit = validation.fit();
        TreeMap<Double, Double> tried = new TreeMap<>();
        java.util.function.DoubleUnaryOperator score = lambda -> tried.computeIfAbsent(lambda, l -> {
            ItemItem model = fit(gram, l, dropout);
            double ndcg = validation.ndcg((user, scores) ->
                    model.score(fit.itemsOf(user), Validation.weights(fit, user, config.feedback()), scores));
            progress.accept(String.format(
                    Locale.ROOT,
                    "EASE λ %.0f, dropout %.2f, sessions α %.0f τ %.0f s: validation NDCG@10 %.4f",
                    l,
                    dropout,
                    sessionWeight,
                    sessionSeconds,
                    ndcg));
            if (ndcg > bestSeen[0]) {
                bestSeen[0] = ndcg;
                best[0] = new Fitted(model, l, dropout, sessionWeight, sessionSeconds);
            }
            return ndcg;
        });
        double at = first;
        double atScore = score.applyAsDouble(at);
        double up = score.applyAsDouble(at * 2);
        double down = at / 2 < MIN_LAMBDA ? Double.NEGATIVE_INFINITY : score.applyAsDouble(at / 2);
        double step = up >= down ? 2 : 0.5;
        double next = at * step;
        double nextScore = Math.max(up, down);
        while (nextScore > atScore) {
            at = next;
            atScore = nextScore;
            next = at * step;
            if (next < MIN_LAMBDA || next > MAX_LAMBDA) {
                break;
            }
            nextScore = score.applyAsDouble(next);
        }
        return at;
    }
}
