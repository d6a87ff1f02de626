package org.cinemates.recommender.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Four movies whose figures are worked out by hand: "Comedy"/"funny" (0), "Comedy, Drama"/"funny"
 * (1), "Drama"/"sad" (2) and one without content (3). "sad" is given to one movie only, so it is
 * left out; the other three features are on two movies each, so they weigh the same and each
 * movie's vector has equal parts: 1/√2 for movie 0, 1/√3 for movie 1, 1 for movie 2.
 */
class ContentModelTest {

    private static final List<List<String>> GENRES =
            List.of(List.of("Comedy"), List.of("Comedy", "Drama"), List.of("Drama"), List.of("(no genres listed)"));
    private static final List<List<String>> TAGS =
            List.of(List.of("funny"), List.of("Funny "), List.of("sad"), List.of());

    private final ContentModel content = ContentModel.build(4, GENRES::get, TAGS::get);

    /** Liked movie 0 (5★: pull +2), disliked movie 2 (1★: pull −2): comedy ½, funny ½, drama −1/√2. */
    private float[] taste() {
        return content.taste(List.of(content.vector(0), content.vector(2)), List.of(5.0f, 1.0f));
    }

    @Test
    void scoresAreTheCosineOfTasteAndMovie() {
        float[] taste = taste();

        assertThat(content.score(taste, 0)).isCloseTo((float) (1 / Math.sqrt(2)), within(1e-5f));
        assertThat(content.score(taste, 1)).isCloseTo((float) ((1 - 1 / Math.sqrt(2)) / Math.sqrt(3)), within(1e-5f));
        assertThat(content.score(taste, 2)).isCloseTo((float) (-1 / Math.sqrt(2)), within(1e-5f));
        assertThat(content.score(taste, 3)).isZero();
    }

    @Test
    void theLikedGenreIsTheItemsGenreTheTasteLikesBest() {
        float[] taste = taste();

        assertThat(content.likedGenre(taste, 1)).contains("Comedy");
        assertThat(content.likedGenre(taste, 2)).isEmpty();
        assertThat(content.likedGenre(taste, 3)).isEmpty();
    }

    @Test
    void aMovieOutsideTheModelGetsAVectorFromTheKnownFeaturesOnly() {
        float[] vector = content.vector(List.of("drama"), List.of("SAD", "funny", "unheard of"));

        // drama and funny, equal weights; "sad" was left out as too rare, "unheard of" is unknown.
        assertThat(content.score(vector, 2)).isCloseTo((float) (1 / Math.sqrt(2)), within(1e-5f));
        assertThat(content.score(vector, 0)).isCloseTo(0.5f, within(1e-5f));
        assertThat(content.score(vector, 1)).isCloseTo((float) (2 / Math.sqrt(6)), within(1e-5f));
    }

    @Test
    void aTasteOfNeutralScoresSaysNothing() {
        float[] taste = content.taste(List.of(content.vector(0)), List.of(ContentModel.PIVOT));

        for (int item = 0; item < 4; item++) {
            assertThat(content.score(taste, item)).isZero();
        }
    }

    @Test
    void rerankingTouchesOnlyThePool() {
        float[] scores = {1.0f, 0.9f, 0.8f, 0.7f};

        content.rerank(taste(), 1.0f, scores, 2, item -> false);

        assertThat(scores[0]).isCloseTo(1.0f + (float) (1 / Math.sqrt(2)), within(1e-5f));
        assertThat(scores[1]).isCloseTo(0.9f + (float) ((1 - 1 / Math.sqrt(2)) / Math.sqrt(3)), within(1e-5f));
        assertThat(scores[2]).isEqualTo(0.8f);
        assertThat(scores[3]).isEqualTo(0.7f);
    }

    @Test
    void theEmptyModelKnowsNothing() {
        assertThat(ContentModel.empty().isEmpty()).isTrue();
        assertThat(content.isEmpty()).isFalse();
        assertThat(ContentModel.empty().vector(List.of("Drama"), List.of())).isEmpty();
    }
}
