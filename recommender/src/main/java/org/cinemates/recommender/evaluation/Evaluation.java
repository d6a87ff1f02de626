package org.cinemates.recommender.evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Algorithm;
import org.cinemates.recommender.model.Parallel;
import org.cinemates.recommender.model.Predictor;
import org.cinemates.recommender.model.TopN;

/**
 * Measures algorithms on the same folds. Rating prediction: RMSE and MAE over every held-out rating.
 * Top-N: for each user with a relevant held-out item (scored {@value #RELEVANT_SCORE} or more), a full
 * ranking of every item not in their training ratings, scored with NDCG@10, Recall@10, Recall@20 and
 * HitRate@10 ({@link Metrics}); means over those users, then over folds.
 */
public final class Evaluation {

    public static final float RELEVANT_SCORE = 4.0f;

    private final List<Ratings> trainings = new ArrayList<>();
    private final List<Ratings> tests = new ArrayList<>();

    public Evaluation(Folds folds) {
        for (int fold = 0; fold < folds.count(); fold++) {
            trainings.add(folds.training(fold));
            tests.add(folds.test(fold));
        }
    }

    /** One fold's figures. */
    public record FoldScores(
            double rmse, double mae, double ndcg10, double recall10, double recall20, double hit10, int rankedUsers) {}

    /** An algorithm's figures: means over folds, train seconds per fold, peak heap during its run. */
    public record Result(
            String name,
            double rmse,
            double mae,
            double ndcg10,
            double recall10,
            double recall20,
            double hit10,
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
                FoldScores fs = score(predictor, trainings.get(fold), tests.get(fold));
                scores.add(fs);
                progress.printf(
                        Locale.ROOT,
                        "  %-24s fold %d: trained in %.1f s, scored in %.1f s, RMSE %.4f, NDCG@10 %.4f%n",
                        algorithm.name(),
                        fold + 1,
                        seconds,
                        (System.nanoTime() - scoring) / 1e9,
                        fs.rmse(),
                        fs.ndcg10());
            }
            peak = heap.bytes();
        }
        int n = scores.size();
        return new Result(
                algorithm.name(),
                scores.stream().mapToDouble(FoldScores::rmse).sum() / n,
                scores.stream().mapToDouble(FoldScores::mae).sum() / n,
                scores.stream().mapToDouble(FoldScores::ndcg10).sum() / n,
                scores.stream().mapToDouble(FoldScores::recall10).sum() / n,
                scores.stream().mapToDouble(FoldScores::recall20).sum() / n,
                scores.stream().mapToDouble(FoldScores::hit10).sum() / n,
                trainSeconds / n,
                peak);
    }

    /** The figures of one trained predictor on one fold. */
    public static FoldScores score(Predictor predictor, Ratings training, Ratings test) {
        double[] predicted = new double[test.size()];
        double[] actual = new double[test.size()];
        Parallel.forEach(test.userCount(), 16, u -> {
            for (int p = test.userStart(u); p < test.userEnd(u); p++) {
                predicted[p] = predictor.predict(u, test.itemAt(p));
                actual[p] = test.scoreAt(p);
            }
        });

        int users = test.userCount();
        double[][] perUser = new double[users][];
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[test.itemCount()]);
        Parallel.forEach(users, 4, u -> {
            int relevantCount = 0;
            for (int p = test.userStart(u); p < test.userEnd(u); p++) {
                if (test.scoreAt(p) >= RELEVANT_SCORE) {
                    relevantCount++;
                }
            }
            if (relevantCount == 0) {
                return;
            }
            float[] scores = buffers.get();
            predictor.scoreItems(u, scores);
            int[] ranked = TopN.select(scores, 20, item -> training.hasRated(u, item));
            IntPredicate relevant = item -> test.score(u, item) >= RELEVANT_SCORE;
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
        return new FoldScores(
                Metrics.rmse(predicted, actual),
                Metrics.mae(predicted, actual),
                sums[0] / d,
                sums[1] / d,
                sums[2] / d,
                sums[3] / d,
                ranked);
    }
}
