package org.cinemates.recommender.model;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static double ndcg(Validation validation, Ease.Fitted fitted) {
        Ratings fit = validation.fit();
        return validation.ndcg((user, scores) ->
                fitted.weights().score(fit.itemsOf(user), Validation.weights(fit, user, Feedback.RATED), scores));
    }
}
