package org.cinemates.recommender.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.data.RatingsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateTest {

    @Test
    void generatedRatingsAreReproducibleAndReadable(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        GenerateRatings.generate(30_000, 500, 800, 7, first);
        GenerateRatings.generate(30_000, 500, 800, 7, second);

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        RatingsCsv.Result read = RatingsCsv.read(first);
        Ratings ratings = read.ratings();
        assertThat(read.badRowCount()).isZero();
        assertThat(ratings.size()).isEqualTo(30_000);
        assertThat(ratings.userCount()).isEqualTo(500);
        for (int u = 0; u < ratings.userCount(); u++) {
            assertThat(ratings.userRatingCount(u)).isGreaterThanOrEqualTo(GenerateRatings.MIN_RATINGS_PER_USER);
        }
        int mostRated = 0;
        for (int i = 0; i < ratings.itemCount(); i++) {
            mostRated = Math.max(mostRated, ratings.itemRatingCount(i));
        }
        // skewed: the most popular item is rated far more often than the average one
        assertThat(mostRated).isGreaterThan(5 * ratings.size() / ratings.itemCount());
    }

    @Test
    void printsTheIssuesJson(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("ratings.csv");
        GenerateRatings.generate(20_000, 300, 600, 3, data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Evaluate.run(
                new String[] {
                    "--data", dir.toString(), "--folds", "2", "--json", "--algorithms", "global-mean,popularity"
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        String json = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(json)
                .startsWith("{\"model\": \"cinemates-hybrid\", \"algorithms\": [{\"name\": \"global-mean\", \"rmse\": ")
                .contains("\"mae\": ", "\"ndcg@10\": ", "\"recall@10\": ", "\"recall@20\": ", "\"hit@10\": ")
                .contains("\"trainSeconds\": ", "{\"name\": \"popularity\"")
                .contains("\"ndcg@10Sd\": ", "\"rankedMembers\": ", "\"coverage@10\": ", "\"popularityRank@10\": ")
                .endsWith("}], \"relevant\": \"4\"}");
    }

    @Test
    void printsATableByDefault(@TempDir Path dir) throws IOException {
        assertThat(tableOfTwoFolds(dir, "baseline-only"))
                .contains("algorithm", "RMSE", "NDCG@10", "Recall@20", "peak heap", "baseline-only");
    }

    @Test
    void withoutAnEaseInTheRunTheRatioColumnIsADashNotNaN(@TempDir Path dir) throws IOException {
        String row = tableOfTwoFolds(dir, "popularity")
                .lines()
                .filter(line -> line.startsWith("popularity"))
                .findFirst()
                .orElseThrow();
        assertThat(row).doesNotContain("NaN").containsPattern(" {5}- +[0-9.]+ +[0-9]+ MB$");
    }

    @Test
    void theRelevanceRuleIsChosenAndBadOnesAreRefused(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("ratings.csv");
        GenerateRatings.generate(20_000, 300, 600, 3, data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        Evaluate.run(
                new String[] {"--data", data.toString(), "--folds", "2", "--relevant", "all", "--algorithms", "ease"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                quiet);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("every held-out rating relevant", "ease", "1.000");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Evaluate.run(new String[] {"--data", data.toString(), "--relevant", "3"}, quiet, quiet))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--relevant");
    }

    @Test
    void oneFoldRunsAloneAndAFoldBeyondTheFoldsIsRefused(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("ratings.csv");
        GenerateRatings.generate(20_000, 300, 600, 3, data);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        Evaluate.run(
                new String[] {"--data", data.toString(), "--folds", "3", "--fold", "2", "--algorithms", "popularity"},
                quiet,
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("fold 2:")
                .doesNotContain("fold 1:", "fold 3:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Evaluate.run(
                        new String[] {"--data", data.toString(), "--folds", "2", "--fold", "3"}, quiet, quiet))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--fold");
    }

    @Test
    void theHybridPredictsRatingsBetterThanEachPartOfItsBlendAlone(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("ratings.csv");
        GenerateRatings.generate(30_000, 400, 600, 5, data);
        Ratings ratings = RatingsCsv.read(data).ratings();
        Evaluation evaluation =
                new Evaluation(Folds.split(ratings, 3, 42), org.cinemates.recommender.model.Relevance.LIKED, 1);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        double blend = evaluation
                .run(algorithm(org.cinemates.recommender.model.CinematesHybrid.NAME), quiet)
                .rmse();

        for (String part : new String[] {"biased-mf", "item-knn-baseline", "baseline-only"}) {
            double alone = evaluation.run(algorithm(part), quiet).rmse();
            assertThat(blend).as("blend against " + part).isLessThan(alone);
        }
    }

    private static org.cinemates.recommender.model.Algorithm algorithm(String name) {
        return java.util.Objects.requireNonNull(Evaluate.ALGORITHMS.get(name)).apply(setup());
    }

    private static Evaluate.Setup setup() {
        return new Evaluate.Setup(
                42,
                org.cinemates.recommender.data.MovieContentCsv.empty(),
                org.cinemates.recommender.model.Relevance.LIKED,
                3,
                500);
    }

    /** The table {@code evaluate} prints for {@code algorithms} over two folds of generated ratings. */
    private static String tableOfTwoFolds(Path dir, String algorithms) throws IOException {
        Path data = dir.resolve("ratings.csv");
        GenerateRatings.generate(20_000, 300, 600, 3, data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Evaluate.run(
                new String[] {"--data", data.toString(), "--folds", "2", "--algorithms", algorithms},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
