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
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.cinemates.recommender.data.IdIndex;
import org.cinemates.recommender.data.Ratings;

/**
 * The shipped model, trained: a biased matrix factorisation predicts ratings ({@link #predict}), an
 * implicit-feedback ALS ranks what a user will choose and like ({@link #recommend}), finds similar items
 * ({@link #similar}) and explains recommendations ({@link #because}); the ranking score blends in the
 * predicted rating. Immutable and safe to share between threads: training builds a new model, which a
 * service swaps in while the old one keeps serving.
 *
 * <p>Users and items are dense indexes; {@link #itemIndex(long)} and {@link #itemId(int)} map external
 * (movie) ids, {@link #userIndex(long)} user ids. Anyone, trained or not, can be served through a {@link
 * UserProfile} from {@link #foldIn}, which reflects a new rating at once.
 */
public final class HybridModel implements Predictor {

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

    private final float[] userVectors;
    private final float[] itemVectors;
    private final int dimensions;

    private final int[] ratedOffsets;
    private final int[] ratedItems;
    private final float[] ratedScores;

    // Derived, not stored: recomputed on load.
    private final float[] itemNorms;
    private final float normFloor;
    private final double[] itemGram;
    private final float[] confidenceTable;

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
            float[] userVectors,
            float[] itemVectors,
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
        this.userVectors = userVectors;
        this.itemVectors = itemVectors;
        this.dimensions = config.implicit().factors();
        this.ratedOffsets = ratedOffsets;
        this.ratedItems = ratedItems;
        this.ratedScores = ratedScores;
        int itemCount = items.size();
        if (itemBias.length != itemCount
                || itemFactors.length != itemCount * factors
                || itemVectors.length != itemCount * dimensions
                || userBias.length != users.size()
                || userFactors.length != users.size() * factors
                || userVectors.length != users.size() * dimensions
                || ratedOffsets.length != users.size() + 1) {
            throw new IllegalArgumentException(
                    "Model arrays do not match " + users.size() + " users and " + itemCount + " items");
        }
        itemNorms = new float[itemCount];
        for (int i = 0; i < itemCount; i++) {
            itemNorms[i] = Dense.norm(itemVectors, i * dimensions, dimensions);
        }
        float[] sorted = itemNorms.clone();
        Arrays.sort(sorted);
        // Items with few ratings have short, noisy vectors; a floor keeps them from topping similarity lists.
        normFloor = sorted.length == 0 ? 0 : 0.1f * sorted[sorted.length / 2];
        itemGram = Dense.gram(itemVectors, itemCount, dimensions);
        confidenceTable = ImplicitAls.confidenceTable(config.implicit());
    }

    /** Trains on {@code ratings} with all cores. */
    public static HybridModel train(Ratings ratings, HybridConfig config) {
        return train(ratings, config, message -> {});
    }

    /** Trains on {@code ratings} with all cores, telling {@code progress} how long each part took. */
    public static HybridModel train(Ratings ratings, HybridConfig config, Consumer<String> progress) {
        long started = System.nanoTime();
        BiasedMf.Fitted explicit = BiasedMf.train(ratings, config.explicit());
        long explicitDone = System.nanoTime();
        progress.accept(String.format(
                Locale.ROOT,
                "rating predictor (biased MF, %d factors, %d epochs): %.1f s",
                config.explicit().factors(),
                config.explicit().epochs(),
                (explicitDone - started) / 1e9));
        ImplicitAls.Fitted implicit = ImplicitAls.train(ratings, config.implicit());
        progress.accept(String.format(
                Locale.ROOT,
                "ranker (implicit ALS, %d factors, %d iterations): %.1f s",
                config.implicit().factors(),
                config.implicit().iterations(),
                (System.nanoTime() - explicitDone) / 1e9));
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
                Arrays.fill(implicit.itemFactors(), i * implicit.factors(), (i + 1) * implicit.factors(), 0f);
            }
        }
        for (int u = 0; u < userCount; u++) {
            if (ratings.userRatingCount(u) == 0) {
                Arrays.fill(explicit.userFactors(), u * explicit.factors(), (u + 1) * explicit.factors(), 0f);
                Arrays.fill(implicit.userFactors(), u * implicit.factors(), (u + 1) * implicit.factors(), 0f);
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
                implicit.userFactors(),
                implicit.itemFactors(),
                offsets,
                rated,
                scores);
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
                userVectors,
                itemVectors,
                ratedOffsets,
                ratedItems,
                ratedScores);
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
        return new UserProfile(
                userBias[user],
                Arrays.copyOfRange(userFactors, user * factors, (user + 1) * factors),
                Arrays.copyOfRange(userVectors, user * dimensions, (user + 1) * dimensions),
                Arrays.copyOfRange(ratedItems, from, to),
                Arrays.copyOfRange(ratedScores, from, to));
    }

    /**
     * A user from their ratings alone (item index → score), against the trained item factors: two small
     * closed-form least-squares solves, a few milliseconds. Serves users the model was not trained on and
     * reflects a new rating at once. Unknown item indexes are ignored.
     */
    public UserProfile foldIn(Map<Integer, Float> ratings) {
        UserProfile rated = rated(ratings);
        return foldIn(rated.ratedItems(), rated.ratedScores());
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
        return new UserProfile(0, new float[0], new float[0], rated, scores);
    }

    /** {@link #foldIn(Map)} from parallel arrays: distinct item indexes ascending, and their scores. */
    public UserProfile foldIn(int[] rated, float[] scores) {
        float[] vector = foldInVector(rated, scores);
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
        return new UserProfile(bias, userFactor, vector, rated.clone(), scores.clone());
    }

    private float[] foldInVector(int[] rated, float[] scores) {
        int d = dimensions;
        ImplicitAls.Config implicit = config.implicit();
        float w0 = implicit.unobservedWeight();
        double[] a = new double[d * d];
        for (int k = 0; k < a.length; k++) {
            a[k] = w0 * itemGram[k];
        }
        for (int x = 0; x < d; x++) {
            a[x * d + x] += implicit.regularization();
        }
        double[] b = new double[d];
        for (int k = 0; k < rated.length; k++) {
            int io = rated[k] * d;
            float confidence = ImplicitAls.lookup(confidenceTable, scores[k], implicit);
            double extra = confidence - w0;
            for (int x = 0; x < d; x++) {
                double yx = itemVectors[io + x];
                b[x] += confidence * yx;
                int row = x * d;
                for (int y = 0; y < d; y++) {
                    a[row + y] += extra * yx * itemVectors[io + y];
                }
            }
        }
        double[] solution = new double[d];
        float[] vector = new float[d];
        if (rated.length > 0 && Dense.choleskySolve(a, b, solution, d)) {
            for (int x = 0; x < d; x++) {
                vector[x] = (float) solution[x];
            }
        }
        return vector;
    }

    // --- Predictions ---------------------------------------------------------------------------

    @Override
    public double predict(int user, int item) {
        return BiasedMf.clip(mean
                + userBias[user]
                + itemBias[item]
                + Dense.dot(userFactors, user * factors, itemFactors, item * factors, factors));
    }

    /** The rating {@code user} would give {@code item}, on the 0.5–5 scale. */
    public double predict(UserProfile user, int item) {
        return BiasedMf.clip(mean
                + user.bias()
                + itemBias[item]
                + Dense.dot(user.factors(), 0, itemFactors, item * factors, factors));
    }

    @Override
    public void scoreItems(int user, float[] scores) {
        score(userVectors, user * dimensions, userFactors, user * factors, scores);
    }

    /** Ranking scores of every item for {@code user} (rated items included). */
    public void scoreItems(UserProfile user, float[] scores) {
        score(user.vector(), 0, user.factors(), 0, scores);
    }

    /** The ranking score of one item for {@code user}: the same as {@link #scoreItems(UserProfile, float[])} gives it. */
    public float scoreItem(UserProfile user, int item) {
        return score(user.vector(), 0, user.factors(), 0, item);
    }

    private void score(float[] vector, int vectorOffset, float[] factor, int factorOffset, float[] scores) {
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(vector, vectorOffset, factor, factorOffset, i);
        }
    }

    private float score(float[] vector, int vectorOffset, float[] factor, int factorOffset, int item) {
        float implicit = Dense.dot(vector, vectorOffset, itemVectors, item * dimensions, dimensions);
        float rating = itemBias[item] + Dense.dot(factor, factorOffset, itemFactors, item * factors, factors);
        return implicit + config.blend() * rating;
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

    /** The {@code n} items most similar to {@code item} (cosine of the ranker's item vectors), not itself. */
    public List<ScoredItem> similar(int item, int n) {
        float[] scores = new float[items.size()];
        int d = dimensions;
        float norm = itemNorms[item];
        if (norm == 0) {
            return List.of();
        }
        for (int j = 0; j < scores.length; j++) {
            float other = itemNorms[j];
            scores[j] = other == 0
                    ? Float.NaN
                    : Dense.dot(itemVectors, item * d, itemVectors, j * d, d) / (norm * Math.max(other, normFloor));
        }
        return scored(TopN.select(scores, n, j -> j == item), scores);
    }

    /** Cosine similarity of two items' ranker vectors (0 when either knows nothing). */
    public float similarity(int a, int b) {
        float na = itemNorms[a];
        float nb = itemNorms[b];
        if (na == 0 || nb == 0) {
            return 0;
        }
        return Dense.dot(itemVectors, a * dimensions, itemVectors, b * dimensions, dimensions) / (na * nb);
    }

    /**
     * Up to {@code k} items the user liked (3.5★ or more) that best explain recommending {@code item}:
     * similarity to it × how much they liked them ({@code score − 3}), strongest first. Empty when nothing
     * they liked is similar.
     */
    public List<Reason> because(UserProfile user, int item, int k) {
        int count = user.ratingCount();
        float[] support = new float[count];
        for (int r = 0; r < count; r++) {
            int rated = user.ratedItemAt(r);
            float score = user.ratedScoreAt(r);
            float similarity = rated == item ? 0 : similarity(rated, item);
            support[r] = score >= 3.5f && similarity > 0 ? similarity * (score - 3f) : Float.NaN;
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

    float[] userVectors() {
        return userVectors;
    }

    float[] itemVectors() {
        return itemVectors;
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
