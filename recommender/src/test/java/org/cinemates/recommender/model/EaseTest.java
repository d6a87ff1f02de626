package org.cinemates.recommender.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.cinemates.recommender.TestData;
import org.cinemates.recommender.data.Ratings;
import org.junit.jupiter.api.Test;

class EaseTest {

    private static final Ratings RATINGS = TestData.twoTastes(80, 60, 25, 3);

    @Test
    void noDropoutIsPlainEaseAndDropoutShrinksTheWeights() {
        ItemGram gram = ItemGram.of(RATINGS, Feedback.RATED, 1, 3000);
        ItemItem plain = Ease.fit(gram, 50);
        ItemItem none = Ease.fit(gram, 50, 0);
        ItemItem emphasised = Ease.fit(gram, 50, 0.5);

        assertThat(none.matrix()).containsExactly(plain.matrix());
        double plainNorm = 0;
        double emphasisedNorm = 0;
        for (int k = 0; k < plain.matrix().length; k++) {
            plainNorm += plain.matrix()[k] * plain.matrix()[k];
            emphasisedNorm += emphasised.matrix()[k] * emphasised.matrix()[k];
        }
        assertThat(emphasisedNorm).isLessThan(plainNorm);
    }

    @Test
    void tuningTheEmphasisNeverScoresWorseOnTheValidationSplit() {
        Validation validation = Validation.split(RATINGS, Relevance.LIKED, 7);
        Ease.Config plain = new Ease.Config(Feedback.RATED, 1, 3000);
        Ease.Config emphasis = new Ease.Config(Feedback.RATED, 1, 3000, true);

        Ease.Fitted plainFit = Ease.tune(validation, plain, message -> {});
        Ease.Fitted emphasisedFit = Ease.tune(validation, emphasis, message -> {});

        assertThat(plainFit.dropout()).isZero();
        assertThat(ndcg(validation, emphasisedFit)).isGreaterThanOrEqualTo(ndcg(validation, plainFit));
    }

    @Test
    void theSessionMatrixWeighsPairsRatedCloseInTime() {
        // User 1 rated A and B a minute apart, C a year later; user 2 rated B and C in one minute.
        long year = 365L * 24 * 3600;
        Ratings ratings = Ratings.builder()
                .add(1, 'A', 5f, 1_000_000_000L)
                .add(1, 'B', 5f, 1_000_000_060L)
                .add(1, 'C', 5f, 1_000_000_000L + year)
                .add(2, 'B', 5f, 1_500_000_000L)
                .add(2, 'C', 5f, 1_500_000_030L)
                .build();
        ItemGram gram = ItemGram.of(ratings, Feedback.BINARY, 1, 10);
        ItemGram sessions = gram.sessions(ratings, Feedback.BINARY, 120);
        int a = gram.position(ratings.items().indexOf('A'));
        int b = gram.position(ratings.items().indexOf('B'));
        int c = gram.position(ratings.items().indexOf('C'));
        float[] k = sessions.gram();
        int n = gram.size();

        assertThat(k[a * n + b]).isCloseTo((float) Math.exp(-0.5), within(1e-6f));
        assertThat(k[b * n + a]).isEqualTo(k[a * n + b]);
        assertThat(k[b * n + c]).isCloseTo((float) Math.exp(-0.25), within(1e-6f));
        assertThat(k[a * n + c]).isZero();
        assertThat(k[b * n + b]).isEqualTo(2f);
        // Without times there are no sittings to learn from.
        Ratings untimed = Ratings.builder().add(1, 'A', 5f).add(1, 'B', 5f).build();
        assertThat(ItemGram.of(untimed, Feedback.BINARY, 1, 10)
                        .sessions(untimed, Feedback.BINARY, 120)
                        .gram())
                .containsOnly(0f);
        float[] sum = gram.plus(sessions, 2).gram();
        assertThat(sum[a * n + b]).isCloseTo(gram.gram()[a * n + b] + 2 * k[a * n + b], within(1e-6f));
    }

    private static double ndcg(Validation validation, Ease.Fitted fitted) {
        Ratings fit = validation.fit();
        return validation.ndcg((user, scores) ->
                fitted.weights().score(fit.itemsOf(user), Validation.weights(fit, user, Feedback.RATED), scores));
    }
}
