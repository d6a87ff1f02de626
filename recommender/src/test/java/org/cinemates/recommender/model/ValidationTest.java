package org.cinemates.recommender.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.cinemates.recommender.data.Ratings;
import org.junit.jupiter.api.Test;

class ValidationTest {

    /** 40 users with 1 to 40 ratings each, of 100 items. */
    private static final Ratings TRAINING = training();

    private static Ratings training() {
        Ratings.Builder builder = Ratings.builder();
        SplittableRandom random = new SplittableRandom(3);
        for (int user = 1; user <= 40; user++) {
            for (int item = 0; item < user; item++) {
                builder.add(user, (item * 7L + user) % 100, 1 + random.nextInt(5));
            }
        }
        return builder.build();
    }

    @Test
    void aFifthOfEachUsersTrainingRatingsIsHeldBackAndTheRestIsFittedOn() {
        Validation validation = Validation.split(TRAINING, Relevance.LIKED, 42);
        Ratings fit = validation.fit();
        Ratings held = validation.held();

        assertThat(fit.size() + held.size()).isEqualTo(TRAINING.size());
        for (int user = 0; user < TRAINING.userCount(); user++) {
            int count = TRAINING.userRatingCount(user);
            int heldBack = held.userRatingCount(user);
            if (count < 2) {
                assertThat(heldBack).isZero();
            } else {
                assertThat(heldBack)
                        .isBetween(count / Validation.PARTS, (count + Validation.PARTS - 1) / Validation.PARTS);
            }
            for (int item : TRAINING.itemsOf(user)) {
                // Every training rating is in exactly one part, with its score; nothing else is in either.
                assertThat(fit.hasRated(user, item) ^ held.hasRated(user, item)).isTrue();
                Ratings part = fit.hasRated(user, item) ? fit : held;
                assertThat(part.score(user, item)).isEqualTo(TRAINING.score(user, item));
            }
        }
    }

    @Test
    void theSameSeedHoldsBackTheSameRatingsAndAnotherSeedOthers() {
        Ratings once = Validation.split(TRAINING, Relevance.LIKED, 42).held();
        Ratings again = Validation.split(TRAINING, Relevance.LIKED, 42).held();
        Ratings other = Validation.split(TRAINING, Relevance.LIKED, 43).held();

        assertThat(again.toString()).isEqualTo(once.toString());
        boolean differs = false;
        for (int user = 0; user < TRAINING.userCount(); user++) {
            assertThat(again.itemsOf(user)).containsExactly(once.itemsOf(user));
            differs |= !Arrays.equals(other.itemsOf(user), once.itemsOf(user));
        }
        assertThat(differs).isTrue();
    }
}
