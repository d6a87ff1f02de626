package org.cinemates.recommender.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.cinemates.recommender.TestData;
import org.cinemates.recommender.baseline.ItemKnnBaseline;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.data.RatingsCsv;
import org.cinemates.recommender.model.CinematesHybrid;
import org.cinemates.recommender.model.HybridConfig;
import org.junit.jupiter.api.Test;

/** The goals on ml-latest-small, 5 folds (skipped where the data set is absent). */
class MovieLensIT {

    @Test
    void theShippedModelMeetsTheGoalsOnMovieLensSmall() throws IOException {
        RatingsCsv.Result read = RatingsCsv.read(TestData.movieLensSmall().resolve("ratings.csv"));
        Ratings ratings = read.ratings();
        assertThat(read.badRowCount()).isZero();
        assertThat(ratings.size()).isEqualTo(100_836);
        assertThat(ratings.userCount()).isEqualTo(610);
        assertThat(ratings.itemCount()).isEqualTo(9_724);

        Evaluation evaluation = new Evaluation(Folds.split(ratings, 5, 42));
        PrintStream progress = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Evaluation.Result knn = evaluation.run(new ItemKnnBaseline(), progress);
        Evaluation.Result shipped =
                evaluation.run(new CinematesHybrid(HybridConfig.defaults().withSeed(42)), progress);

        assertThat(shipped.rmse()).isLessThanOrEqualTo(0.86);
        assertThat(shipped.ndcg10()).isGreaterThanOrEqualTo(1.2 * knn.ndcg10());
    }
}
