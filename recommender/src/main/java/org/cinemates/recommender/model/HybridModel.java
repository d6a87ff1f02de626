package org.cinemates.recommender.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.cinemates.recommender.data.IdIndex;
import org.cinemates.recommender.data.Ratings;

/**
 * The shipped model, trained: EASE on rating-weighted input ranks what a user will choose and like, over
 * the most rated items ({@link Ease}, λ chosen on a validation split); a re-ranker learned on the same
 * split re-orders its {@value Reranker#POOL} best ({@link Reranker}). Ratings are predicted ({@link
 * #predict}) by a blend of a biased matrix factorisation, item neighbours with baselines over the ranker's
 * items ({@link Neighbours}) and the baseline, with weights learned on the same split. The ranker's item-item weights also find similar items ({@link #similar}) and
 * explain recommendations ({@link #because}): a user's score for an item is the sum of what each movie they
 * rated contributes to it. Immutable and safe to share between threads: training builds a new model, which
 * a service swaps in while the old one keeps serving.
 *
 * <p>Users and items are dense indexes; {@link #itemIndex(long)} and {@link #itemId(int)} map external
 * (movie) ids, {@link #userIndex(long)} user ids. Anyone, trained or not, can be served through a {@link
 * UserProfile} from {@link #foldIn}, which reflects a new rating at once: the ranker reads the ratings
 * themselves as the neighbours do, and the factorisation solves one small least-squares problem.
 */
public final class HybridModel implements Predictor {

    /** Users whose validation rankings the re-ranker learns from, at most (a seeded sample beyond). */
    static final int RERANK_USERS = 5000;

    /**
     * Fit ratings the rating blend's weights are learned from, about at most: beyond, a seeded sample of
     * users (their predictors are fitted on less, but four weights need far fewer ratings than that).
     */
    static final int BLEND_RATINGS = 1_000_000;

    /** The blend's weights: an intercept, then the biased MF, the neighbours and the baseline. */
    static final int BLEND_PARTS = 4;

    private final ModelMetadata metadata;
    private final HybridConfig config;
    private final IdIndex users;
    private final IdIndex items;

    private final float mean;
    private final float[] userBias;
    private final float[] itemBias;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final int factors;

    private final Neighbours neighbours;
    private final float[] blend;

    private final ItemItem ranker;
    private final double lambda;
    private final Reranker reranker;
    private final int[] itemCounts;
    private final float[] itemBayesian;

    private final int[] ratedOffsets;
    private final int[] ratedItems;
    private final float[] ratedScores;

    HybridModel(
            ModelMetadata metadata,
            HybridConfig config,
            IdIndex users,
            IdIndex items,
            float mean,
            float[] userBias,
            float[] itemBias,
            float[] userFactors,
            float[] itemFactors,
            Neighbours neighbours,
            float[] blend,
            ItemItem ranker,
            double lambda,
            Reranker reranker,
            int[] itemCounts,
            float[] itemBayesian,
            int[] ratedOffsets,
            int[] ratedItems,
            float[] ratedScores) {
        this.metadata = metadata;
        this.config = config;
        this.users = users;
        this.items = items;
        this.mean = mean;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.factors = config.explicit().factors();
        this.neighbours = neighbours;
        this.blend = blend;
        this.ranker = ranker;
        this.lambda = lambda;
        this.reranker = reranker;
        this.itemCounts = itemCounts;
        this.itemBayesian = itemBayesian;
        this.ratedOffsets = ratedOffsets;
        this.ratedItems = ratedItems;
        this.ratedScores = ratedScores;
        int itemCount = items.size();
        if (itemBias.length != itemCount
                || itemFactors.length != itemCount * factors
                || itemCounts.length != itemCount
                || itemBayesian.length != itemCount
                || userBias.length != users.size()
                || userFactors.length != users.size() * factors
                || ratedOffsets.length != users.size() + 1
                || neighbours.itemBias().length != itemCount
                || blend.length != BLEND_PARTS) {
            throw new IllegalArgumentException(
                    "Model arrays do not match " + users.size() + " users and " + itemCount + " items");
        }
        for (int k = 0; k < ranker.size(); k++) {
            if (ranker.item(k) < 0 || ranker.item(k) >= itemCount) {
                throw new IllegalArgumentException("The ranker names item " + ranker.item(k) + " of " + itemCount);
            }
        }
    }

    /** Trains on {@code ratings} with all cores. */
    public static HybridModel train(Ratings ratings, HybridConfig config) {
        return train(ratings, config, message -> {});
    }

    /**
     * Trains on {@code ratings} with all cores, telling {@code progress} how long each part took. The
     * ranker's λ and the re-ranker are chosen on a validation split of {@code ratings} (a fifth of each
     * user's ratings), then the ranker is fitted again on all of them.
     */
    public static HybridModel train(Ratings ratings, HybridConfig config, Consumer<String> progress) {
        long started = System.nanoTime();
        Validation validation = Validation.split(ratings, config.relevance(), config.seed());
        Ease.Tuned tuned = Ease.train(ratings, config.ranker(), validation, progress);
        Reranker reranker = learnReranker(validation, tuned.onValidation().weights(), config);
        long tunedAt = System.nanoTime();
        progress.accept(String.format(
                Locale.ROOT,
                "ranker (EASE over %d items, λ %.0f and sessions α %.0f τ %.0f s chosen on the validation split, then"
                        + " fitted on all; re-ranker %s): %.1f s",
                tuned.all().weights().size(),
                tuned.all().lambda(),
                tuned.all().sessionWeight(),
                tuned.all().sessionSeconds(),
                Arrays.toString(reranker.weights()),
                (tunedAt - started) / 1e9));
        ItemItem ranker = tuned.all().weights();
        long rankerAt = tunedAt;
        float[] blend = learnBlend(validation, ranker.items(), config);
        long blendAt = System.nanoTime();
        BiasedMf.Fitted explicit = BiasedMf.train(ratings, config.explicit());
        long mfAt = System.nanoTime();
        Neighbours neighbours = Neighbours.fit(ratings, ranker.items());
        progress.accept(String.format(
                Locale.ROOT,
                "rating predictor: blend weights %s (intercept, biased MF, neighbours, baseline) learned on the"
                        + " validation split %.1f s; biased MF (%d factors, %d epochs) %.1f s; item neighbours over the"
                        + " ranker's items %.1f s",
                Arrays.toString(blend),
                (blendAt - rankerAt) / 1e9,
                config.explicit().factors(),
                config.explicit().epochs(),
                (mfAt - blendAt) / 1e9,
                (System.nanoTime() - mfAt) / 1e9));
        int userCount = ratings.userCount();
        int[] offsets = new int[userCount + 1];
        int[] rated = new int[ratings.size()];
        float[] scores = new float[ratings.size()];
        for (int u = 0; u < userCount; u++) {
            offsets[u + 1] = ratings.userEnd(u);
            for (int p = ratings.userStart(u); p < ratings.userEnd(u); p++) {
                rated[p] = ratings.itemAt(p);
                scores[p] = ratings.scoreAt(p);
            }
        }
        // Items nobody rated, and users who rated nothing, kept their random start: they know nothing, so
        // they say nothing.
        for (int i = 0; i < ratings.itemCount(); i++) {
            if (ratings.itemRatingCount(i) == 0) {
                Arrays.fill(explicit.itemFactors(), i * explicit.factors(), (i + 1) * explicit.factors(), 0f);
            }
        }
        for (int u = 0; u < userCount; u++) {
            if (ratings.userRatingCount(u) == 0) {
                Arrays.fill(explicit.userFactors(), u * explicit.factors(), (u + 1) * explicit.factors(), 0f);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        ModelMetadata metadata = new ModelMetadata(
                CinematesHybrid.NAME, Instant.now(), ratings.size(), userCount, ratings.itemCount(), seconds, null);
        return new HybridModel(
                metadata,
                config,
                ratings.users(),
                ratings.items(),
                explicit.mean(),
                explicit.userBias(),
                explicit.itemBias(),
                explicit.userFactors(),
                explicit.itemFactors(),
                neighbours,
                blend,
                ranker,
                tuned.all().lambda(),
                reranker,
                counts(ratings),
                bayesian(ratings),
                offsets,
                rated,
                scores);
    }

    /**
     * The rating blend's weights ({@value #BLEND_PARTS}: intercept, biased MF, neighbours, baseline), each
     * part's clipped prediction: each part fits on the validation split's fit part and predicts the held-back
     * ratings, and the weights are the least-squares fit of the held-back scores on those predictions (a
     * little ridge on the parts' weights). Without held-back ratings, the biased MF alone.
     */
    static float[] learnBlend(Validation validation, int[] items, HybridConfig config) {
        Ratings fit = validation.fit();
        Ratings held = validation.held();
        boolean[] sampled = new boolean[fit.userCount()];
        int[] order = IntStream.range(0, fit.userCount()).toArray();
        SplittableRandom random = new SplittableRandom(config.seed() ^ 0xB1E4DL);
        long kept = 0;
        for (int k = 0; k < order.length && kept < BLEND_RATINGS; k++) {
            int j = k + random.nextInt(order.length - k);
            int u = order[j];
            order[j] = order[k];
            order[k] = u;
            sampled[u] = true;
            kept += fit.userRatingCount(u);
        }
        Ratings part = kept == fit.size() ? fit : fit.filter(byUser(fit, sampled));
        BiasedMf.Fitted mf = BiasedMf.train(part, config.explicit());
        Neighbours neighbours = Neighbours.fit(part, items);
        int n = BLEND_PARTS;
        double[] gram = new double[n * n];
        double[] target = new double[n];
        double[] row = new double[n];
        long count = 0;
        for (int u = 0; u < part.userCount(); u++) {
            if (!sampled[u] || held.userRatingCount(u) == 0) {
                continue;
            }
            int[] rated = part.itemsOf(u);
            float[] scores = new float[rated.length];
            for (int k = 0; k < rated.length; k++) {
                scores[k] = part.scoreAt(part.userStart(u) + k);
            }
            float baselineBias = neighbours.userBias(rated, scores);
            for (int p = held.userStart(u); p < held.userEnd(u); p++) {
                int item = held.itemAt(p);
                row[0] = 1;
                row[1] = BiasedMf.clip(BiasedMf.estimate(mf, u, item));
                row[2] = BiasedMf.clip(neighbours.estimate(rated, scores, baselineBias, item));
                row[3] = BiasedMf.clip(neighbours.baseline(baselineBias, item));
                for (int a = 0; a < n; a++) {
                    target[a] += row[a] * held.scoreAt(p);
                    for (int b = 0; b < n; b++) {
                        gram[a * n + b] += row[a] * row[b];
                    }
                }
                count++;
            }
        }
        for (int a = 1; a < n; a++) {
            gram[a * n + a] += 1e-3 * count;
        }
        double[] solution = new double[n];
        float[] weights = {0, 1, 0, 0};
        if (count > 0 && Dense.choleskySolve(gram, target, solution, n)) {
            for (int a = 0; a < n; a++) {
                weights[a] = (float) solution[a];
            }
        }
        return weights;
    }

    /** Whether a by-user position of {@code ratings} belongs to a user in {@code users}. */
    private static IntPredicate byUser(Ratings ratings, boolean[] users) {
        boolean[] positions = new boolean[ratings.size()];
        for (int u = 0; u < users.length; u++) {
            if (users[u]) {
                Arrays.fill(positions, ratings.userStart(u), ratings.userEnd(u), true);
            }
        }
        return p -> positions[p];
    }

    private static int[] counts(Ratings ratings) {
        int[] counts = new int[ratings.itemCount()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = ratings.itemRatingCount(i);
        }
        return counts;
    }

    /** Each item's mean pulled towards the global mean by ten phantom ratings, less the global mean. */
    private static float[] bayesian(Ratings ratings) {
        float[] bayesian = new float[ratings.itemCount()];
        double mean = ratings.mean();
        for (int i = 0; i < bayesian.length; i++) {
            double sum = 0;
            for (int p = ratings.itemStart(i); p < ratings.itemEnd(i); p++) {
                sum += ratings.itemScoreAt(p) - mean;
            }
            bayesian[i] = (float) (sum / (ratings.itemRatingCount(i) + 10));
        }
        return bayesian;
    }

    /**
     * The re-ranker, learned from the base ranker fitted on the validation split's fit part: for users with
     * a relevant held-back rating (a seeded sample of at most {@value #RERANK_USERS}), the pool of each
     * ranking and whether each item in it was held back and relevant.
     */
    private static Reranker learnReranker(Validation validation, ItemItem onFit, HybridConfig config) {
        Ratings fit = validation.fit();
        Ratings held = validation.held();
        int[] counts = counts(fit);
        float[] bayesian = bayesian(fit);
        int[] candidates = IntStream.range(0, fit.userCount())
                .filter(u -> IntStream.range(held.userStart(u), held.userEnd(u))
                        .anyMatch(p -> validation.relevance().relevant(held.scoreAt(p))))
                .toArray();
        if (candidates.length > RERANK_USERS) {
            SplittableRandom random = new SplittableRandom(config.seed());
            for (int k = 0; k < RERANK_USERS; k++) {
                int j = k + random.nextInt(candidates.length - k);
                int t = candidates[k];
                candidates[k] = candidates[j];
                candidates[j] = t;
            }
            candidates = Arrays.copyOf(candidates, RERANK_USERS);
            Arrays.sort(candidates);
        }
        int pool = Reranker.POOL;
        float[] features = new float[candidates.length * pool * Reranker.FEATURES];
        float[] labels = new float[candidates.length * pool];
        int[] sizes = new int[candidates.length];
        int[] chosen = candidates;
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[fit.itemCount()]);
        Parallel.forEach(chosen.length, 8, k -> {
            int u = chosen[k];
            int[] rated = fit.itemsOf(u);
            float[] base = buffers.get();
            onFit.score(rated, Validation.weights(fit, u, config.ranker().feedback()), base);
            int[] best = TopN.select(base, pool, item -> fit.hasRated(u, item));
            float[] rows = new float[best.length * Reranker.FEATURES];
            Reranker.features(best, base, counts, bayesian, rated.length, rows);
            System.arraycopy(rows, 0, features, k * pool * Reranker.FEATURES, rows.length);
            for (int r = 0; r < best.length; r++) {
                float score = held.score(u, best[r]);
                labels[k * pool + r] =
                        !Float.isNaN(score) && validation.relevance().relevant(score) ? 1 : 0;
            }
            sizes[k] = best.length;
        });
        // Pack the rows of short pools together.
        int rows = 0;
        for (int k = 0; k < chosen.length; k++) {
            System.arraycopy(
                    features,
                    k * pool * Reranker.FEATURES,
                    features,
                    rows * Reranker.FEATURES,
                    sizes[k] * Reranker.FEATURES);
            System.arraycopy(labels, k * pool, labels, rows, sizes[k]);
            rows += sizes[k];
        }
        return Reranker.learn(features, labels, rows);
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public HybridConfig config() {
        return config;
    }

    /** The same model with other metadata (e.g. a holdout RMSE measured after training). */
    public HybridModel withMetadata(ModelMetadata newMetadata) {
        return new HybridModel(
                newMetadata,
                config,
                users,
                items,
                mean,
                userBias,
                itemBias,
                userFactors,
                itemFactors,
                neighbours,
                blend,
                ranker,
                lambda,
                reranker,
                itemCounts,
                itemBayesian,
                ratedOffsets,
                ratedItems,
                ratedScores);
    }

    /** The ranker's λ, as tuned on the validation split. */
    public double lambda() {
        return lambda;
    }

    /** How many items the ranker covers (the most rated); others are never recommended. */
    public int rankedItemCount() {
        return ranker.size();
    }

    public int userCount() {
        return users.size();
    }

    public int itemCount() {
        return items.size();
    }

    /** The index of an external item id, if the model knows the item. */
    public OptionalInt itemIndex(long itemId) {
        int index = items.indexOf(itemId);
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
    }

    public long itemId(int item) {
        return items.id(item);
    }

    /** The index of an external user id, if the user was in the training data. */
    public OptionalInt userIndex(long userId) {
        int index = users.indexOf(userId);
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
    }

    public long userId(int user) {
        return users.id(user);
    }

    // --- Users -----------------------------------------------------------------------------------

    /** A trained user as the model learned them, with their training ratings. */
    public UserProfile user(int user) {
        int from = ratedOffsets[user];
        int to = ratedOffsets[user + 1];
        int[] rated = Arrays.copyOfRange(ratedItems, from, to);
        float[] scores = Arrays.copyOfRange(ratedScores, from, to);
        return new UserProfile(
                userBias[user],
                Arrays.copyOfRange(userFactors, user * factors, (user + 1) * factors),
                rated,
                scores,
                neighbours.userBias(rated, scores));
    }

    /**
     * A user from their ratings alone (item index → score): the ranker reads them as they are, the rating
     * predictor solves one small closed-form least-squares problem against the trained item factors (a few
     * milliseconds). Serves users the model was not trained on and reflects a new rating at once. Unknown
     * item indexes are ignored.
     */
    public UserProfile foldIn(Map<Integer, Float> ratings) {
        UserProfile rated = rated(ratings);
        return foldIn(rated.ratedItemsShared(), rated.ratedScores());
    }

    /** The known items of {@code ratings} in ascending order, as a profile with nothing learned yet. */
    private UserProfile rated(Map<Integer, Float> ratings) {
        long[] packed = ratings.entrySet().stream()
                .filter(e -> e.getKey() >= 0 && e.getKey() < items.size())
                .mapToLong(e -> ((long) e.getKey() << 32) | (Float.floatToIntBits(e.getValue()) & 0xFFFFFFFFL))
                .sorted()
                .toArray();
        int[] rated = new int[packed.length];
        float[] scores = new float[packed.length];
        for (int k = 0; k < packed.length; k++) {
            rated[k] = (int) (packed[k] >>> 32);
            scores[k] = Float.intBitsToFloat((int) packed[k]);
        }
        return new UserProfile(0, new float[0], rated, scores, 0);
    }

    /** {@link #foldIn(Map)} from parallel arrays: distinct item indexes ascending, and their scores. */
    public UserProfile foldIn(int[] rated, float[] scores) {
        int f = factors;
        int n = f + 1;
        // Ridge regression of (r − μ − b_i) on [1, q_i]: the first unknown is the user's bias.
        double[] a = new double[n * n];
        double[] b = new double[n];
        for (int k = 0; k < rated.length; k++) {
            int io = rated[k] * f;
            double target = scores[k] - mean - itemBias[rated[k]];
            a[0] += 1;
            b[0] += target;
            for (int x = 0; x < f; x++) {
                double qx = itemFactors[io + x];
                a[(x + 1) * n] += qx;
                b[x + 1] += target * qx;
                int row = (x + 1) * n;
                for (int y = 0; y <= x; y++) {
                    a[row + y + 1] += qx * itemFactors[io + y];
                }
            }
        }
        for (int row = 0; row < n; row++) {
            for (int column = row + 1; column < n; column++) {
                a[row * n + column] = a[column * n + row];
            }
        }
        BiasedMf.Config explicit = config.explicit();
        a[0] += explicit.biasRegularization() * rated.length + config.foldInBiasPrior();
        for (int x = 1; x < n; x++) {
            a[x * n + x] += explicit.regularization() * rated.length + config.foldInFactorPrior();
        }
        double[] solution = new double[n];
        float bias = 0;
        float[] userFactor = new float[f];
        if (rated.length > 0 && Dense.choleskySolve(a, b, solution, n)) {
            bias = (float) solution[0];
            for (int x = 0; x < f; x++) {
                userFactor[x] = (float) solution[x + 1];
            }
        }
        return new UserProfile(bias, userFactor, rated.clone(), scores.clone(), neighbours.userBias(rated, scores));
    }

    // --- Predictions ---------------------------------------------------------------------------

    @Override
    public double predict(int user, int item) {
        return predict(user(user), item);
    }

    /**
     * The rating {@code user} would give {@code item}, on the 0.5–5 scale: the learned blend of the biased
     * MF, the item neighbours and the baseline.
     */
    public double predict(UserProfile user, int item) {
        double mf = BiasedMf.clip(mean
                + user.bias()
                + itemBias[item]
                + Dense.dot(user.factors(), 0, itemFactors, item * factors, factors));
        float baselineBias = user.baselineBias();
        double near = BiasedMf.clip(
                neighbours.estimate(user.ratedItemsShared(), user.ratedScoresShared(), baselineBias, item));
        double baseline = BiasedMf.clip(neighbours.baseline(baselineBias, item));
        return BiasedMf.clip(blend[0] + blend[1] * mf + blend[2] * near + blend[3] * baseline);
    }

    @Override
    public void scoreItems(int user, float[] scores) {
        int from = ratedOffsets[user];
        int to = ratedOffsets[user + 1];
        score(Arrays.copyOfRange(ratedItems, from, to), Arrays.copyOfRange(ratedScores, from, to), scores);
    }

    /**
     * Ranking scores of every item for {@code user} (rated items included; NaN for items the ranker does
     * not cover): the re-ranked pool first, then the rest in the ranker's order.
     */
    public void scoreItems(UserProfile user, float[] scores) {
        score(user.ratedItemsShared(), user.ratedScores(), scores);
    }

    /** The ranking score of one item for {@code user}: the same as {@link #scoreItems(UserProfile, float[])} gives it. */
    public float scoreItem(UserProfile user, int item) {
        float[] scores = new float[items.size()];
        scoreItems(user, scores);
        return scores[item];
    }

    private void score(int[] rated, float[] ratedScores, float[] scores) {
        float[] weights = new float[rated.length];
        for (int k = 0; k < rated.length; k++) {
            weights[k] = config.ranker().feedback().weight(ratedScores[k]);
        }
        ranker.score(rated, weights, scores);
        int[] pool = TopN.select(scores, Reranker.POOL, item -> Arrays.binarySearch(rated, item) >= 0);
        if (pool.length == 0) {
            return;
        }
        float[] features = new float[pool.length * Reranker.FEATURES];
        Reranker.features(pool, scores, itemCounts, itemBayesian, rated.length, features);
        float[] reranked = new float[pool.length];
        float lowest = Float.POSITIVE_INFINITY;
        for (int k = 0; k < pool.length; k++) {
            reranked[k] = reranker.score(features, k);
            lowest = Math.min(lowest, reranked[k]);
        }
        // Everything outside the pool goes below it, in the ranker's order.
        float poolFloor = scores[pool[pool.length - 1]];
        float shift = lowest - 1 - poolFloor;
        for (int i = 0; i < scores.length; i++) {
            if (!Float.isNaN(scores[i])) {
                scores[i] = Math.min(scores[i], poolFloor) + shift;
            }
        }
        for (int k = 0; k < pool.length; k++) {
            scores[pool[k]] = reranked[k];
        }
    }

    // --- Serving -------------------------------------------------------------------------------

    /** The {@code n} best items for a trained user, never one they rated nor one in {@code excludeItems}. */
    public List<ScoredItem> recommend(int user, Collection<Integer> excludeItems, int n) {
        return recommend(user(user), excludeItems, n);
    }

    /** The {@code n} best items for {@code user}, never one they rated nor one in {@code excludeItems}. */
    public List<ScoredItem> recommend(UserProfile user, Collection<Integer> excludeItems, int n) {
        float[] scores = new float[items.size()];
        scoreItems(user, scores);
        boolean[] excluded = new boolean[items.size()];
        for (Integer item : excludeItems) {
            if (item >= 0 && item < excluded.length) {
                excluded[item] = true;
            }
        }
        for (int k = 0; k < user.ratingCount(); k++) {
            excluded[user.ratedItemAt(k)] = true;
        }
        return scored(TopN.select(scores, n, item -> excluded[item]), scores);
    }

    /**
     * The {@code n} items having {@code item} raises most in the ranker (its row of item-item weights: what
     * people who watched it went on to watch and like), not itself. Empty for an item the ranker does not
     * cover.
     */
    public List<ScoredItem> similar(int item, int n) {
        if (ranker.position(item) < 0) {
            return List.of();
        }
        float[] scores = new float[items.size()];
        ranker.score(new int[] {item}, new float[] {1f}, scores);
        for (int j = 0; j < scores.length; j++) {
            if (!(scores[j] > 0)) {
                scores[j] = Float.NaN;
            }
        }
        return scored(TopN.select(scores, n, j -> j == item), scores);
    }

    /** How much having item {@code a} raises item {@code b} in the ranker (0 when either is not covered). */
    public float similarity(int a, int b) {
        return ranker.weight(a, b);
    }

    /**
     * Up to {@code k} items the user liked (3.5★ or more) that contribute most to recommending {@code item}:
     * the ranker's weight from each to it × the rating's input weight, strongest first. Empty when nothing
     * they liked raises it.
     */
    public List<Reason> because(UserProfile user, int item, int k) {
        int count = user.ratingCount();
        float[] support = new float[count];
        for (int r = 0; r < count; r++) {
            int rated = user.ratedItemAt(r);
            float score = user.ratedScoreAt(r);
            float weight = rated == item ? 0 : ranker.weight(rated, item);
            support[r] = score >= 3.5f && weight > 0
                    ? weight * config.ranker().feedback().weight(score)
                    : Float.NaN;
        }
        int[] best = TopN.select(support, k, r -> false);
        List<Reason> reasons = new ArrayList<>(best.length);
        for (int r : best) {
            reasons.add(new Reason(user.ratedItemAt(r), user.ratedScoreAt(r), support[r]));
        }
        return reasons;
    }

    /** {@link #because(UserProfile, int, int)} for ratings given as item index → score. */
    public List<Reason> because(Map<Integer, Float> userRatings, int item, int k) {
        return because(rated(userRatings), item, k);
    }

    private static List<ScoredItem> scored(int[] best, float[] scores) {
        return IntStream.of(best).mapToObj(i -> new ScoredItem(i, scores[i])).toList();
    }

    // --- Files ---------------------------------------------------------------------------------

    /** Writes the model in a compact binary form ({@link ModelFile}). */
    public void save(OutputStream out) throws IOException {
        ModelFile.write(this, out);
    }

    /** Writes to {@code file} atomically: a reader sees the old file or the new one, never half of one. */
    public void save(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        Path temporary = Files.createTempFile(parent, absolute.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                save(out);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static HybridModel load(InputStream in) throws IOException {
        return ModelFile.read(in);
    }

    public static HybridModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        }
    }

    // For ModelFile.
    IdIndex users() {
        return users;
    }

    IdIndex items() {
        return items;
    }

    float mean() {
        return mean;
    }

    float[] userBias() {
        return userBias;
    }

    float[] itemBias() {
        return itemBias;
    }

    float[] userFactors() {
        return userFactors;
    }

    float[] itemFactors() {
        return itemFactors;
    }

    ItemItem ranker() {
        return ranker;
    }

    Neighbours neighbours() {
        return neighbours;
    }

    float[] blend() {
        return blend;
    }

    Reranker reranker() {
        return reranker;
    }

    int[] itemCounts() {
        return itemCounts;
    }

    float[] itemBayesian() {
        return itemBayesian;
    }

    int[] ratedOffsets() {
        return ratedOffsets;
    }

    int[] ratedItems() {
        return ratedItems;
    }

    float[] ratedScores() {
        return ratedScores;
    }
}
