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
import org.cinemates.recommender.baseline.EaseBaseline;
import org.cinemates.recommender.baseline.GlobalMean;
import org.cinemates.recommender.baseline.ItemKnn;
import org.cinemates.recommender.baseline.ItemKnnBaseline;
import org.cinemates.recommender.baseline.Popularity;
import org.cinemates.recommender.baseline.Rp3Beta;
import org.cinemates.recommender.data.MovieContentCsv;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.data.RatingsCsv;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.BiasedMf;
import org.cinemates.recommender.model.CinematesHybrid;
import org.cinemates.recommender.model.Ease;
import org.cinemates.recommender.model.Feedback;
import org.cinemates.recommender.model.HybridConfig;
import org.cinemates.recommender.model.ImplicitAls;
import org.cinemates.recommender.model.Relevance;

/**
 * {@code evaluate --data DIR [--folds 5] [--fold N] [--seed 42] [--relevant 4|all] [--max-items 3000]
 * [--json] [--algorithms a,b]}: the shipped model and the baselines on the same seeded per-user folds of a MovieLens
 * {@code ratings.csv} (DIR holds it, or DIR is the file). Every algorithm chooses its settings on a
 * validation split inside each fold's training ratings and is then fitted on all of them; test ratings are
 * never looked at before scoring. Prints a table, or with {@code --json} only {@code {"model": NAME,
 * "algorithms": [{"name", "rmse", "mae", "ndcg@10", "ndcg@10Sd", "recall@10", "recall@20", "hit@10",
 * "rankedMembers", "coverage@10", "popularityRank@10", "ratioToBestEase", "trainSeconds", "peakHeapMb"}],
 * "relevant": "4"}}; progress goes to standard error. {@code --fold N} runs fold N alone, for a quick
 * experiment.
 */
public final class Evaluate {

    /** Every algorithm by name. */
    static final Map<String, Function<Setup, Algorithm>> ALGORITHMS = new LinkedHashMap<>();

    static final List<String> DEFAULT_ALGORITHMS = List.of(
            "global-mean",
            "baseline-only",
            "item-knn-baseline",
            "popularity",
            "item-knn",
            "rp3beta",
            "ease",
            "ease-rated",
            CinematesHybrid.NAME);

    /** Predict ratings well but rank poorly by design: their ranking figures are not comparisons. */
    static final Set<String> RATING_ONLY = Set.of("global-mean", "baseline-only", "item-knn-baseline", "biased-mf");

    /**
     * What an algorithm is made with: the seed, the movies' genres and tags where DIR has them, what counts
     * as relevant (tuning aims at it too), and which items the item-item models cover.
     */
    record Setup(long seed, MovieContentCsv.Content content, Relevance relevance, int minRatings, int maxItems) {

        HybridConfig hybrid() {
            return HybridConfig.defaults()
                    .withSeed(seed)
                    .withRelevance(relevance)
                    .withMaxRankedItems(maxItems);
        }
    }

    /** Numbers of known ratings the new-member variants are measured with. */
    static final int[] FEW_RATINGS = {1, 3, 5};

    static {
        ALGORITHMS.put("global-mean", setup -> new GlobalMean());
        ALGORITHMS.put("baseline-only", setup -> new BaselineOnly());
        // Surprise's KNNBaseline: a rating predictor, kept for RMSE.
        ALGORITHMS.put("item-knn-baseline", setup -> new ItemKnnBaseline());
        ALGORITHMS.put("popularity", setup -> new Popularity());
        ALGORITHMS.put(
                "item-knn",
                setup -> new ItemKnn(setup.minRatings(), setup.maxItems(), setup.relevance(), setup.seed()));
        ALGORITHMS.put(
                "rp3beta", setup -> new Rp3Beta(setup.minRatings(), setup.maxItems(), setup.relevance(), setup.seed()));
        for (Feedback feedback : Feedback.values()) {
            ALGORITHMS.put(
                    EaseBaseline.name(feedback),
                    setup -> new EaseBaseline(
                            new Ease.Config(feedback, setup.minRatings(), setup.maxItems()),
                            setup.relevance(),
                            setup.seed()));
            ALGORITHMS.put(
                    EaseBaseline.emphasisedName(feedback),
                    setup -> new EaseBaseline(
                            new Ease.Config(feedback, setup.minRatings(), setup.maxItems(), true),
                            setup.relevance(),
                            setup.seed()));
        }
        ALGORITHMS.put(CinematesHybrid.NAME, setup -> new CinematesHybrid(setup.hybrid()));
        // The rating predictor alone, and the previous ranker (implicit ALS), to show what each brings.
        ALGORITHMS.put(
                "biased-mf", setup -> new BiasedMf(BiasedMf.Config.defaults().withSeed(setup.seed())));
        ALGORITHMS.put(
                "implicit-als",
                setup -> new ImplicitAls(ImplicitAls.Config.defaults().withSeed(setup.seed() + 1)));
        // Every user served by fold-in of their ratings, as a member is between two trainings.
        ALGORITHMS.put(FoldedInHybrid.NAME, setup -> new FoldedInHybrid(setup.hybrid()));
        // New members: fold-in of only a few ratings, with and without the content signal.
        for (int known : FEW_RATINGS) {
            for (boolean content : new boolean[] {false, true}) {
                ALGORITHMS.put(
                        FewRatingsHybrid.name(known, content),
                        setup -> new FewRatingsHybrid(setup.hybrid(), known, setup.content(), content, setup.seed()));
            }
        }
    }

    private Evaluate() {}

    public static void main(String[] args) {
        try {
            run(args, System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("evaluate: " + e.getMessage());
            System.err.println("usage: evaluate --data DIR [--folds 5] [--fold N] [--seed 42] [--relevant 4|all]"
                    + " [--max-items 3000]"
                    + " [--json] [--algorithms a,b]\n  algorithms: "
                    + String.join(", ", ALGORITHMS.keySet()));
            System.exit(2);
        } catch (IOException e) {
            System.err.println("evaluate: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(String[] args, PrintStream out, PrintStream progress) throws IOException {
        Arguments arguments = Arguments.parse(
                args,
                Set.of("--data", "--folds", "--fold", "--seed", "--algorithms", "--relevant", "--max-items"),
                Set.of("--json"));
        Path data = Path.of(arguments.required("--data"));
        Path file = Files.isDirectory(data) ? data.resolve("ratings.csv") : data;
        int folds = (int) arguments.number("--folds", 5);
        int only = (int) arguments.number("--fold", 0);
        if (only < 0 || only > folds) {
            throw new IllegalArgumentException("--fold must be between 1 and --folds");
        }
        long seed = arguments.number("--seed", 42);
        boolean json = arguments.has("--json");
        Relevance relevance = Relevance.parse(arguments.text("--relevant", "4"));
        int maxItems = (int) arguments.number("--max-items", HybridConfig.MAX_RANKED_ITEMS);
        if (maxItems < 1) {
            throw new IllegalArgumentException("--max-items must be at least 1");
        }
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
        Setup setup = new Setup(
                seed,
                folder == null ? MovieContentCsv.empty() : MovieContentCsv.read(folder),
                relevance,
                HybridConfig.MIN_ITEM_RATINGS,
                maxItems);
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
        Evaluation evaluation = new Evaluation(Folds.split(ratings, folds, seed), relevance, only);
        List<Evaluation.Result> results = new ArrayList<>();
        for (Algorithm algorithm : algorithms) {
            results.add(evaluation.run(algorithm, progress));
        }
        if (json) {
            out.println(json(results, relevance));
        } else {
            table(out, ratings, folds, seed, relevance, maxItems, results);
        }
    }

    /** The best NDCG@10 of the EASE baselines in {@code results}, or NaN when none ran. */
    static double bestEase(List<Evaluation.Result> results) {
        return results.stream()
                .filter(r -> r.name().equals(EaseBaseline.name(Feedback.BINARY))
                        || r.name().equals(EaseBaseline.name(Feedback.RATED)))
                .mapToDouble(Evaluation.Result::ndcg10)
                .max()
                .orElse(Double.NaN);
    }

    static String json(List<Evaluation.Result> results, Relevance relevance) {
        double ease = bestEase(results);
        StringBuilder s = new StringBuilder();
        s.append("{\"model\": \"").append(CinematesHybrid.NAME).append("\", \"algorithms\": [");
        for (int k = 0; k < results.size(); k++) {
            Evaluation.Result r = results.get(k);
            s.append(k == 0 ? "" : ", ")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"name\": \"%s\", \"rmse\": %s, \"mae\": %s, \"ndcg@10\": %s, \"ndcg@10Sd\": %s,"
                                    + " \"recall@10\": %s, \"recall@20\": %s, \"hit@10\": %s, \"rankedMembers\": %s,"
                                    + " \"coverage@10\": %s, \"popularityRank@10\": %s, \"ratioToBestEase\": %s,"
                                    + " \"trainSeconds\": %s, \"peakHeapMb\": %d}",
                            r.name(),
                            number(r.rmse()),
                            number(r.mae()),
                            number(r.ndcg10()),
                            number(r.ndcg10Deviation()),
                            number(r.recall10()),
                            number(r.recall20()),
                            number(r.hit10()),
                            number(r.rankedUsers()),
                            number(r.coverage10()),
                            number(r.popularityRank10()),
                            number(r.ndcg10() / ease),
                            number(r.trainSeconds()),
                            r.peakHeapBytes() >> 20));
        }
        return s.append("], \"relevant\": \"")
                .append(relevance == Relevance.LIKED ? "4" : "all")
                .append("\"}")
                .toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "null";
    }

    private static void table(
            PrintStream out,
            Ratings ratings,
            int folds,
            long seed,
            Relevance relevance,
            int maxItems,
            List<Evaluation.Result> results) {
        out.printf(
                Locale.ROOT,
                "%d ratings, %d users, %d items; %d folds (per-user, seed %d); %s; item-item models over the"
                        + " %d most rated items (rated %d+ times); %d cores, max heap %d MB%n%n",
                ratings.size(),
                ratings.userCount(),
                ratings.itemCount(),
                folds,
                seed,
                relevance.label(),
                maxItems,
                HybridConfig.MIN_ITEM_RATINGS,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        double ease = bestEase(results);
        int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(0);
        String name = "%-" + Math.max(20, width) + "s";
        out.printf(
                Locale.ROOT,
                name + " %7s %7s %8s %7s %9s %9s %7s %7s %6s %8s %6s %8s %9s%n",
                "algorithm",
                "RMSE",
                "MAE",
                "NDCG@10",
                "± sd",
                "Recall@10",
                "Recall@20",
                "Hit@10",
                "members",
                "cov@10",
                "pop rank",
                "×EASE",
                "train s",
                "peak heap");
        for (Evaluation.Result r : results) {
            if (RATING_ONLY.contains(r.name())) {
                out.printf(
                        Locale.ROOT,
                        name + " %7.4f %7.4f %8s %7s %9s %9s %7s %7s %6s %8s %6s %8.2f %6d MB%n",
                        r.name(),
                        r.rmse(),
                        r.mae(),
                        "-",
                        "-",
                        "-",
                        "-",
                        "-",
                        "-",
                        "-",
                        "-",
                        "-",
                        r.trainSeconds(),
                        r.peakHeapBytes() >> 20);
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    name + " %7.4f %7.4f %8.4f %7.4f %9.4f %9.4f %7.4f %7.0f %6.3f %8.0f %6s %8.2f %6d MB%n",
                    r.name(),
                    r.rmse(),
                    r.mae(),
                    r.ndcg10(),
                    r.ndcg10Deviation(),
                    r.recall10(),
                    r.recall20(),
                    r.hit10(),
                    r.rankedUsers(),
                    r.coverage10(),
                    r.popularityRank10(),
                    // Without an EASE in the run (--algorithms), there is nothing to compare with.
                    Double.isNaN(ease) ? "-" : String.format(Locale.ROOT, "%.3f", r.ndcg10() / ease),
                    r.trainSeconds(),
                    r.peakHeapBytes() >> 20);
        }
        out.println();
        out.println("shipped model: " + CinematesHybrid.NAME
                + ". ± sd: across folds; members: ranked per fold; cov@10: share of the catalogue in anyone's top 10;"
                + " pop rank: mean popularity rank of the top-10 items (1 = most rated); ×EASE: NDCG@10 over the"
                + " best EASE of this run; train s: mean per fold, tuning included; rating-only algorithms are"
                + " shown for RMSE.");
    }
}
