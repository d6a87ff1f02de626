package org.cinemates.preference.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiversityAndReasonsTest {

    @Test
    void coldStartPicksAreDiverseAmongTheFirstTen() {
        int[] pool = new int[20];
        Map<Integer, String> genres = new HashMap<>();
        for (int item = 0; item < pool.length; item++) {
            pool[item] = item;
            genres.put(item, item < 12 ? "Drama" : "Comedy " + (item % 3));
        }

        int[] picked = Diversity.diverse(pool, genres, 12);

        assertThat(picked).hasSize(12).doesNotHaveDuplicates();
        long dramasInTopTen = java.util.Arrays.stream(picked, 0, 10)
                .filter(item -> "Drama".equals(genres.get(item)))
                .count();
        assertThat(dramasInTopTen).isEqualTo(Diversity.MAX_PER_GENRE);
        assertThat(picked[0]).isZero();
        // The dramas held back come after the first ten, best first.
        assertThat(picked[10]).isEqualTo(3);
    }

    @Test
    void withoutGenresThePoolOrderStands() {
        int[] picked = Diversity.diverse(new int[] {5, 3, 9}, Map.of(), 2);
        assertThat(picked).containsExactly(5, 3);
    }

    @Test
    void reasonsReadAsMembersSayThem() {
        assertThat(ReasonTexts.becauseYouLiked("Heat", 4.5f)).isEqualTo("Because you liked Heat (4.5★)");
        assertThat(ReasonTexts.becauseYouLiked("Up", 5f)).isEqualTo("Because you liked Up (5.0★)");
        assertThat(ReasonTexts.friendsRated(3)).isEqualTo("3 friends rated it 4 or more");
        assertThat(ReasonTexts.friendsRated(1)).isEqualTo("A friend rated it 4 or more");
    }
}
