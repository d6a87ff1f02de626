package org.cinemates.recommender.evaluation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.data.RatingsCsv;
import org.cinemates.recommender.model.HybridConfig;
import org.cinemates.recommender.model.HybridModel;
import org.cinemates.recommender.model.Parallel;
import org.cinemates.recommender.model.Relevance;
import org.cinemates.recommender.model.ScoredItem;
import org.cinemates.recommender.model.TopN;
import org.cinemates.recommender.model.UserProfile;

/**
 * {@code train-at-scale --data FILE [--seed 42] [--save MODEL]}: loads a large ratings file, holds out 1%
 * of every user's ratings, trains the shipped model on the rest with all cores and prints load seconds,
 * train seconds, peak heap and sanity figures (holdout RMSE against the global mean's, NDCG@10 on a sample
 * of users, fold-in and recommendation latency, and model file size and save/load times with {@code
 * --save}).
 */
public final class TrainAtScale {

    private static final int HOLDOUT_PARTS = 100;
    private static final int SAMPLED_USERS = 2000;

    private TrainAtScale() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("train-at-scale: " + e.getMessage());
            System.err.println("usage: train-at-scale --data FILE [--seed 42] [--save MODEL]");
            System.exit(2);
        } catch (IOException e) {
            System.err.println("train-at-scale: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(String[] args) throws IOException {
        Arguments arguments = Arguments.parse(args, Set.of("--data", "--seed", "--save"), Set.of());
        Path data = Path.of(arguments.required("--data"));
        Path file = Files.isDirectory(data) ? data.resolve("ratings.csv") : data;
        long seed = arguments.number("--seed", 42);
        System.out.printf(
                Locale.ROOT,
                "%d cores, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        try (HeapPeak heap = HeapPeak.start()) {
            Split split = load(file, seed);
            Ratings training = split.training();
            Ratings holdout = split.holdout();

            long started = System.nanoTime();
            long cpuBefore = cpuNanos();
            HybridModel model = HybridModel.train(
                    training, HybridConfig.defaults().withSeed(seed), message -> System.out.println("  " + message));
            double cpuSeconds = (cpuNanos() - cpuBefore) / 1e9;
            double trainSeconds = seconds(started);
            System.out.printf(
                    Locale.ROOT,
                    "train: %s in %.1f s (%.1f min; process CPU time %.1f s), peak heap so far %d MB%n",
                    model.metadata().name(),
                    trainSeconds,
                    trainSeconds / 60,
                    cpuSeconds,
                    heap.bytes() >> 20);

            sanity(model, training, holdout, seed);

            String save = arguments.text("--save", "");
            if (!save.isEmpty()) {
                Path target = Path.of(save);
                started = System.nanoTime();
                model.save(target);
                double saveSeconds = seconds(started);
                started = System.nanoTime();
                HybridModel loaded = HybridModel.load(target);
                System.out.printf(
                        Locale.ROOT,
                        "model file: %d MB, saved in %.1f s, loaded in %.1f s (%d items)%n",
                        Files.size(target) >> 20,
                        saveSeconds,
                        seconds(started),
                        loaded.itemCount());
            }
            System.out.printf(Locale.ROOT, "peak heap: %d MB%n", heap.bytes() >> 20);
        }
    }

    private record Split(Ratings training, Ratings holdout) {}

    /** Reads the file and holds out one part in a hundred; the full set is not kept. */
    private static Split load(Path file, long seed) throws IOException {
        long started = System.nanoTime();
        RatingsCsv.Result read = RatingsCsv.read(file);
        Ratings all = read.ratings();
        System.out.printf(
                Locale.ROOT,
                "load: %d ratings, %d users, %d items in %.1f s (%d bad rows)%n",
                all.size(),
                all.userCount(),
                all.itemCount(),
                seconds(started),
                read.badRowCount());
        started = System.nanoTime();
        Folds folds = Folds.split(all, HOLDOUT_PARTS, seed);
        Split split = new Split(folds.training(0), folds.test(0));
        System.out.printf(
                Locale.ROOT,
                "split: %d training, %d held out in %.1f s%n",
                split.training().size(),
                split.holdout().size(),
                seconds(started));
        return split;
    }

    private static void sanity(HybridModel model, Ratings training, Ratings holdout, long seed) {
        double squared = 0;
        double meanSquared = 0;
        double mean = training.mean();
        for (int u = 0; u < holdout.userCount(); u++) {
            for (int p = holdout.userStart(u); p < holdout.userEnd(u); p++) {
                double error = model.predict(u, holdout.itemAt(p)) - holdout.scoreAt(p);
                squared += error * error;
                meanSquared += (mean - holdout.scoreAt(p)) * (mean - holdout.scoreAt(p));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "holdout RMSE: %.4f (global mean: %.4f) on %d ratings%n",
                Math.sqrt(squared / holdout.size()),
                Math.sqrt(meanSquared / holdout.size()),
                holdout.size());

        SplittableRandom random = new SplittableRandom(seed);
        int[] sample =
                random.ints(SAMPLED_USERS, 0, training.userCount()).distinct().toArray();
        float[] popularity = new float[training.itemCount()];
        for (int item = 0; item < popularity.length; item++) {
            popularity[item] = training.itemRatingCount(item);
        }
        double[] ndcg = new double[sample.length];
        double[] popularNdcg = new double[sample.length];
        int[] counted = new int[sample.length];
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[training.itemCount()]);
        Parallel.forEach(sample.length, 8, k -> {
            int u = sample[k];
            int relevant = 0;
            for (int p = holdout.userStart(u); p < holdout.userEnd(u); p++) {
                if (Relevance.LIKED.relevant(holdout.scoreAt(p))) {
                    relevant++;
                }
            }
            if (relevant == 0) {
                return;
            }
            float[] scores = buffers.get();
            model.scoreItems(u, scores);
            IntPredicate isRelevant = item -> holdout.score(u, item) >= 4f;
            IntPredicate rated = item -> training.hasRated(u, item);
            ndcg[k] = Metrics.ndcg(TopN.select(scores, 10, rated), isRelevant, relevant, 10);
            popularNdcg[k] = Metrics.ndcg(TopN.select(popularity, 10, rated), isRelevant, relevant, 10);
            counted[k] = 1;
        });
        int users = IntStream.of(counted).sum();
        System.out.printf(
                Locale.ROOT,
                "NDCG@10 (full ranking, %d sampled users with a relevant held-out rating): %.4f (most-rated first: %.4f)%n",
                users,
                users == 0
                        ? 0
                        : IntStream.range(0, sample.length)
                                        .mapToDouble(k -> ndcg[k])
                                        .sum()
                                / users,
                users == 0
                        ? 0
                        : IntStream.range(0, sample.length)
                                        .mapToDouble(k -> popularNdcg[k])
                                        .sum()
                                / users);

        // Serving latency: fold a heavy user in from their ratings, then recommend.
        int heavy = IntStream.range(0, training.userCount())
                .reduce((a, b) -> training.userRatingCount(a) >= training.userRatingCount(b) ? a : b)
                .orElse(0);
        UserProfile trained = model.user(heavy);
        Map<Integer, Float> ratings = new HashMap<>();
        for (int p = training.userStart(heavy); p < training.userEnd(heavy); p++) {
            ratings.put(training.itemAt(p), training.scoreAt(p));
        }
        long started = System.nanoTime();
        UserProfile folded = model.foldIn(ratings);
        for (int k = 0; k < 10; k++) {
            folded = model.foldIn(ratings);
        }
        double foldInMillis = (System.nanoTime() - started) / 1e6 / 10;
        started = System.nanoTime();
        List<ScoredItem> recommended = List.of();
        for (int k = 0; k < 10; k++) {
            recommended = model.recommend(folded, List.of(), 20);
        }
        double recommendMillis = (System.nanoTime() - started) / 1e6 / 10;
        List<ScoredItem> fromTraining = model.recommend(trained, List.of(), 20);
        long shared = recommended.stream()
                .filter(r -> fromTraining.stream().anyMatch(t -> t.item() == r.item()))
                .count();
        System.out.printf(
                Locale.ROOT,
                "serving: fold-in of a %d-rating user %.1f ms, recommend 20 of %d items %.1f ms;"
                        + " top 20 from fold-in vs trained vector share %d items%n",
                ratings.size(),
                foldInMillis,
                model.itemCount(),
                recommendMillis,
                shared);
    }

    /** CPU time of this whole process (all threads, garbage collection included). */
    private static long cpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean bean ? bean.getProcessCpuTime() : 0;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
