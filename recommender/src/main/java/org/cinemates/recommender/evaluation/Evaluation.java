package org.cinemates.recommender.evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.Parallel;
import org.cinemates.recommender.model.Predictor;
import org.cinemates.recommender.model.Relevance;
import org.cinemates.recommender.model.TopN;

/**
 * Measures algorithms on the same folds. Rating prediction: RMSE and MAE over every held-out rating.
 * Top-N: for each user with a relevant held-out item ({@link Relevance}: rated 4 or more, or any), a full
 * ranking of every item not in their training ratings, scored with NDCG@10, Recall@10, Recall@20 and
 * HitRate@10 ({@link Metrics}); means over those users, then over folds, with the deviation of NDCG@10
 * across folds. Beyond accuracy: the share of the catalogue that appears in anyone's top 10, and the
 * mean popularity rank (1 = most rated in training) of what the top 10s show.
 */
public final class Evaluation {

    private final List<Ratings> trainings = new ArrayList<>();
    private final List<Ratings> tests = new ArrayList<>();
    private final List<Integer> numbers = new ArrayList<>();
    private final Relevance relevance;

    public Evaluation(Folds folds, Relevance relevance) {
        this(folds, relevance, 0);
    }

    /**
     * Only fold {@code only} (1-based) when it is positive, every fold when 0: one fold makes a quick
     * experiment; the figures that count are over every fold.
     */
    public Evaluation(Folds folds, Relevance relevance, int only) {
        this.relevance = relevance;
        for (int fold = 0; fold < folds.count(); fold++) {
            if (only == 0 || fold == only - 1) {
                trainings.add(folds.training(fold));
                tests.add(folds.test(fold));
                numbers.add(fold + 1);
            }
        }
    }

    public Relevance relevance() {
        return relevance;
    }

    /** One fold's figures. */
    public record FoldScores(
            double rmse,
            double mae,
            double ndcg10,
            double recall10,
            double recall20,
            double hit10,
            int rankedUsers,
            double coverage10,
            double popularityRank10) {}

    /** An algorithm's figures: means over folds, train seconds per fold, peak heap during its run. */
    public record Result(
            String name,
            double rmse,
            double mae,
            double ndcg10,
            double ndcg10Deviation,
            double recall10,
            double recall20,
            double hit10,
            double rankedUsers,
            double coverage10,
            double popularityRank10,
            double trainSeconds,
            long peakHeapBytes) {}

    /** Trains and measures {@code algorithm} on every fold, telling {@code progress} as it goes. */
    public Result run(Algorithm algorithm, PrintStream progress) {
        System.gc(); // so the peak is this algorithm's, not garbage left by the previous one
        List<FoldScores> scores = new ArrayList<>();
        double trainSeconds = 0;
        long peak;
        try (HeapPeak heap = HeapPeak.start()) {
            for (int fold = 0; fold < trainings.size(); fold++) {
                long started = System.nanoTime();
                Predictor predictor = algorithm.fit(trainings.get(fold));
                double seconds = (System.nanoTime() - started) / 1e9;
                trainSeconds += seconds;
                long scoring = System.nanoTime();
                FoldScores fs = score(predictor, trainings.get(fold), tests.get(fold), relevance);
                scores.add(fs);
                progress.printf(
                        Locale.ROOT,
                        "  %-24s fold %d: trained in %.1f s, scored in %.1f s, RMSE %.4f, NDCG@10 %.4f%n",
                        algorithm.name(),
                        numbers.get(fold),
                        seconds,
                        (System.nanoTime() - scoring) / 1e9,
                        fs.rmse(),
                        fs.ndcg10());
            }
            peak = heap.bytes();
        }
        int n = scores.size();
        double ndcg = scores.stream().mapToDouble(FoldScores::ndcg10).sum() / n;
        double squares = scores.stream()
                .mapToDouble(s -> (s.ndcg10() - ndcg) * (s.ndcg10() - ndcg))
                .sum();
        return new Result(
                algorithm.name(),
                scores.stream().mapToDouble(FoldScores::rmse).sum() / n,
                scores.stream().mapToDouble(FoldScores::mae).sum() / n,
                ndcg,
                n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
                scores.stream().mapToDouble(FoldScores::recall10).sum() / n,
                scores.stream().mapToDouble(FoldScores::recall20).sum() / n,
                scores.stream().mapToDouble(FoldScores::hit10).sum() / n,
                scores.stream().mapToDouble(FoldScores::rankedUsers).sum() / n,
                scores.stream().mapToDouble(FoldScores::coverage10).sum() / n,
                scores.stream().mapToDouble(FoldScores::popularityRank10).sum() / n,
                trainSeconds / n,
                peak);
    }

    /** The figures of one trained predictor on one fold. */
    public static FoldScores score(Predictor predictor, Ratings training, Ratings test, Relevance relevance) {
        double[] predicted = new double[test.size()];
        double[] actual = new double[test.size()];
        Parallel.forEach(test.userCount(), 16, u -> {
            for (int p = test.userStart(u); p < test.userEnd(u); p++) {
                predicted[p] = predictor.predict(u, test.itemAt(p));
                actual[p] = test.scoreAt(p);
            }
        });

        int users = test.userCount();
        int[] popularityRank = popularityRanks(training);
        int[][] tops = new int[users][];
        double[][] perUser = new double[users][];
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[test.itemCount()]);
        Parallel.forEach(users, 4, u -> {
            int relevantCount = 0;
            for (int p = test.userStart(u); p < test.userEnd(u); p++) {
                if (relevance.relevant(test.scoreAt(p))) {
                    relevantCount++;
                }
            }
            if (relevantCount == 0) {
                return;
            }
            float[] scores = buffers.get();
            predictor.scoreItems(u, scores);
            int[] ranked = TopN.select(scores, 20, item -> training.hasRated(u, item));
            IntPredicate relevant = item -> {
                float score = test.score(u, item);
                return !Float.isNaN(score) && relevance.relevant(score);
            };
            tops[u] = Arrays.copyOf(ranked, Math.min(10, ranked.length));
            perUser[u] = new double[] {
                Metrics.ndcg(ranked, relevant, relevantCount, 10),
                Metrics.recall(ranked, relevant, relevantCount, 10),
                Metrics.recall(ranked, relevant, relevantCount, 20),
                Metrics.hit(ranked, relevant, 10)
            };
        });
        double[] sums = new double[4];
        int ranked = 0;
        for (double[] metrics : perUser) {
            if (metrics != null) {
                ranked++;
                for (int k = 0; k < 4; k++) {
                    sums[k] += metrics[k];
                }
            }
        }
        double d = Math.max(1, ranked);
        boolean[] shown = new boolean[training.itemCount()];
        long rankSum = 0;
        long listed = 0;
        for (int[] top : tops) {
            if (top != null) {
                for (int item : top) {
                    shown[item] = true;
                    rankSum += popularityRank[item];
                    listed++;
                }
            }
        }
        int covered = 0;
        for (boolean s : shown) {
            covered += s ? 1 : 0;
        }
        return new FoldScores(
                Metrics.rmse(predicted, actual),
                Metrics.mae(predicted, actual),
                sums[0] / d,
                sums[1] / d,
                sums[2] / d,
                sums[3] / d,
                ranked,
                (double) covered / Math.max(1, training.itemCount()),
                listed == 0 ? Double.NaN : (double) rankSum / listed);
    }

    /** Each item's rank by training ratings: 1 for the most rated, ties to the lower index. */
    static int[] popularityRanks(Ratings training) {
        Integer[] order = new Integer[training.itemCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> training.itemRatingCount(a) != training.itemRatingCount(b)
                        ? Integer.compare(training.itemRatingCount(b), training.itemRatingCount(a))
                        : Integer.compare(a, b));
        int[] rank = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            rank[order[k]] = k + 1;
        }
        return rank;
    }
}
