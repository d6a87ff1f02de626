package org.cinemates.preference.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CommunityFavouritesTest {

    @Test
    void theReasonSaysHowMembersRatedIt() {
        Candidate candidate =
                CommunityFavourites.candidate(42, 12, new BigDecimal("4.2916"), new BigDecimal("4.1234567"));

        assertThat(candidate.movieId()).isEqualTo(42);
        assertThat(candidate.reasons()).containsExactly("Popular with Cinemates members (4.3★ from 12 ratings)");
        assertThat(candidate.score()).isEqualByComparingTo("4.12");
    }

    @Test
    void oneRatingIsOneRating() {
        assertThat(CommunityFavourites.candidate(7, 1, new BigDecimal("5"), new BigDecimal("4.4"))
                        .reasons())
                .containsExactly("Popular with Cinemates members (5.0★ from 1 rating)");
    }
}
