package org.cinemates.recommender.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.cinemates.recommender.baseline.BaselineOnly;
import org.cinemates.recommender.baseline.GlobalMean;
import org.cinemates.recommender.baseline.ItemKnnBaseline;
import org.cinemates.recommender.baseline.Popularity;
import org.cinemates.recommender.data.MovieContentCsv;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.data.RatingsCsv;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.BiasedMf;
import org.cinemates.recommender.model.CinematesHybrid;
import org.cinemates.recommender.model.HybridConfig;
import org.cinemates.recommender.model.ImplicitAls;

/**
 * {@code evaluate --data DIR [--folds 5] [--seed 42] [--json] [--algorithms a,b]}: the shipped model and
 * the baselines on the same seeded per-user folds of a MovieLens {@code ratings.csv} (DIR holds it, or DIR
 * is the file). Prints a table, or with {@code --json} only
 * {@code {"model": NAME, "algorithms": [{"name", "rmse", "mae", "ndcg@10", "recall@10", "recall@20",
 * "hit@10", "trainSeconds", "peakHeapMb"}]}}; progress goes to standard error.
 */
public final class Evaluate {

    /** Every algorithm by name; the first five run by default. */
    static final Map<String, Function<Setup, Algorithm>> ALGORITHMS = new LinkedHashMap<>();

    static final List<String> DEFAULT_ALGORITHMS =
            List.of("global-mean", "baseline-only", "popularity", "item-knn-baseline", CinematesHybrid.NAME);

    /** What an algorithm is made with: the seed, and the movies' genres and tags where DIR has them. */
    record Setup(long seed, MovieContentCsv.Content content) {}

    /** Numbers of known ratings the new-member variants are measured with. */
    static final int[] FEW_RATINGS = {1, 3, 5};

    static {
        ALGORITHMS.put("global-mean", setup -> new GlobalMean());
        ALGORITHMS.put("baseline-only", setup -> new BaselineOnly());
        ALGORITHMS.put("popularity", setup -> new Popularity());
        ALGORITHMS.put("item-knn-baseline", setup -> new ItemKnnBaseline());
        ALGORITHMS.put(
                CinematesHybrid.NAME,
                setup -> new CinematesHybrid(HybridConfig.defaults().withSeed(setup.seed())));
        // The hybrid's two halves alone, to show what each brings.
        ALGORITHMS.put(
                "biased-mf", setup -> new BiasedMf(BiasedMf.Config.defaults().withSeed(setup.seed())));
        ALGORITHMS.put(
                "implicit-als",
                setup -> new ImplicitAls(ImplicitAls.Config.defaults().withSeed(setup.seed() + 1)));
        // Every user served by fold-in of their ratings, as a member is between two trainings.
        ALGORITHMS.put(
                FoldedInHybrid.NAME,
                setup -> new FoldedInHybrid(HybridConfig.defaults().withSeed(setup.seed())));
        // New members: fold-in of only a few ratings, with and without the content signal.
        for (int known : FEW_RATINGS) {
            for (boolean content : new boolean[] {false, true}) {
                ALGORITHMS.put(
                        FewRatingsHybrid.name(known, content),
                        setup -> new FewRatingsHybrid(
                                HybridConfig.defaults().withSeed(setup.seed()),
                                known,
                                setup.content(),
                                content,
                                setup.seed()));
            }
        }
    }

    private Evaluate() {}

    public static void main(String[] args) {
        try {
            run(args, System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("evaluate: " + e.getMessage());
            System.err.println(
                    "usage: evaluate --data DIR [--folds 5] [--seed 42] [--json] [--algorithms a,b]\n  algorithms: "
                            + String.join(", ", ALGORITHMS.keySet()));
            System.exit(2);
        } catch (IOException e) {
            System.err.println("evaluate: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(String[] args, PrintStream out, PrintStream progress) throws IOException {
        Arguments arguments =
                Arguments.parse(args, Set.of("--data", "--folds", "--seed", "--algorithms"), Set.of("--json"));
        Path data = Path.of(arguments.required("--data"));
        Path file = Files.isDirectory(data) ? data.resolve("ratings.csv") : data;
        int folds = (int) arguments.number("--folds", 5);
        long seed = arguments.number("--seed", 42);
        boolean json = arguments.has("--json");
        List<Function<Setup, Algorithm>> chosen = new ArrayList<>();
        String names = arguments.text("--algorithms", String.join(",", DEFAULT_ALGORITHMS));
        for (String name : names.split(",")) {
            Function<Setup, Algorithm> algorithm = ALGORITHMS.get(name.trim());
            if (algorithm == null) {
                throw new IllegalArgumentException("Unknown algorithm " + name.trim());
            }
            chosen.add(algorithm);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("No ratings file at " + file);
        }
        Path folder = file.toAbsolutePath().getParent();
        Setup setup = new Setup(seed, folder == null ? MovieContentCsv.empty() : MovieContentCsv.read(folder));
        List<Algorithm> algorithms = chosen.stream().map(a -> a.apply(setup)).toList();

        long started = System.nanoTime();
        RatingsCsv.Result read = RatingsCsv.read(file);
        Ratings ratings = read.ratings();
        progress.printf(
                Locale.ROOT,
                "Read %d ratings (%d users, %d items) in %.1f s%n",
                ratings.size(),
                ratings.userCount(),
                ratings.itemCount(),
                (System.nanoTime() - started) / 1e9);
        if (read.badRowCount() > 0) {
            progress.printf(Locale.ROOT, "Skipped %d bad rows, e.g.:%n", read.badRowCount());
            read.badRows().stream().limit(10).forEach(row -> progress.println("  " + row));
        }
        Evaluation evaluation = new Evaluation(Folds.split(ratings, folds, seed));
        List<Evaluation.Result> results = new ArrayList<>();
        for (Algorithm algorithm : algorithms) {
            results.add(evaluation.run(algorithm, progress));
        }
        if (json) {
            out.println(json(results));
        } else {
            table(out, ratings, folds, seed, results);
        }
    }

    static String json(List<Evaluation.Result> results) {
        StringBuilder s = new StringBuilder();
        s.append("{\"model\": \"").append(CinematesHybrid.NAME).append("\", \"algorithms\": [");
        for (int k = 0; k < results.size(); k++) {
            Evaluation.Result r = results.get(k);
            s.append(k == 0 ? "" : ", ")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"name\": \"%s\", \"rmse\": %s, \"mae\": %s, \"ndcg@10\": %s, \"recall@10\": %s,"
                                    + " \"recall@20\": %s, \"hit@10\": %s, \"trainSeconds\": %s, \"peakHeapMb\": %d}",
                            r.name(),
                            number(r.rmse()),
                            number(r.mae()),
                            number(r.ndcg10()),
                            number(r.recall10()),
                            number(r.recall20()),
                            number(r.hit10()),
                            number(r.trainSeconds()),
                            r.peakHeapBytes() >> 20));
        }
        return s.append("]}").toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "null";
    }

    private static void table(PrintStream out, Ratings ratings, int folds, long seed, List<Evaluation.Result> results) {
        out.printf(
                Locale.ROOT,
                "%d ratings, %d users, %d items; %d folds (per-user, seed %d); %d cores, max heap %d MB%n%n",
                ratings.size(),
                ratings.userCount(),
                ratings.itemCount(),
                folds,
                seed,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(0);
        String name = "%-" + Math.max(24, width) + "s";
        out.printf(
                Locale.ROOT,
                name + " %7s %7s %8s %9s %9s %7s %9s %10s%n",
                "algorithm",
                "RMSE",
                "MAE",
                "NDCG@10",
                "Recall@10",
                "Recall@20",
                "Hit@10",
                "train s",
                "peak heap");
        for (Evaluation.Result r : results) {
            out.printf(
                    Locale.ROOT,
                    name + " %7.4f %7.4f %8.4f %9.4f %9.4f %7.4f %9.2f %7d MB%n",
                    r.name(),
                    r.rmse(),
                    r.mae(),
                    r.ndcg10(),
                    r.recall10(),
                    r.recall20(),
                    r.hit10(),
                    r.trainSeconds(),
                    r.peakHeapBytes() >> 20);
        }
        out.println();
        out.println("shipped model: " + CinematesHybrid.NAME
                + " (train s: mean per fold; peak heap: most heap in use while that algorithm ran)");
        results.stream()
                .filter(r -> r.name().equals(CinematesHybrid.NAME))
                .findFirst()
                .ifPresent(shipped -> results.stream()
                        .filter(r -> r.name().equals("item-knn-baseline"))
                        .findFirst()
                        .ifPresent(knn -> out.printf(
                                Locale.ROOT,
                                "NDCG@10 of %s / item-knn-baseline: %.2f×%n",
                                CinematesHybrid.NAME,
                                shipped.ndcg10() / knn.ndcg10())));
    }
}
