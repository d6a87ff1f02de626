package org.cinemates.preference.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.HybridConfig;
import org.cinemates.recommender.model.HybridModel;
import org.cinemates.recommender.model.TopN;
import org.cinemates.recommender.model.UserProfile;
import org.junit.jupiter.api.Test;

/** The kept best movies and the friends' give exactly what a whole pass over every movie gives. */
class FoldedTest {

    private static final int ITEMS = 600;

    private static HybridModel model() {
        Random random = new Random(3);
        Ratings.Builder ratings = Ratings.builder();
        for (int user = 1; user <= 300; user++) {
            for (int k = 0; k < 40; k++) {
                ratings.add(user, 1 + random.nextInt(ITEMS), 0.5f + random.nextInt(10) / 2f);
            }
        }
        return HybridModel.train(ratings.build(), HybridConfig.defaults().withSeed(5));
    }

    /** A member's ratings: up to 30 movies at random. */
    private static Map<Integer, Float> ratings(HybridModel model, Random random) {
        Map<Integer, Float> mine = new HashMap<>();
        for (int k = 0; k < 1 + random.nextInt(30); k++) {
            mine.put(random.nextInt(model.itemCount()), 0.5f + random.nextInt(10) / 2f);
        }
        return mine;
    }

    private static boolean[] rated(HybridModel model, Map<Integer, Float> mine) {
        boolean[] rated = new boolean[model.itemCount()];
        mine.keySet().forEach(item -> rated[item] = true);
        return rated;
    }

    /** The best {@code limit} of a pass over every movie, the friends' lifted: what the kept ones must give. */
    private static int[] wholePass(
            HybridModel model, UserProfile profile, Map<Long, Integer> friends, int limit, boolean[] excluded) {
        float[] all = new float[model.itemCount()];
        model.scoreItems(profile, all);
        friends.forEach((movie, count) -> {
            int item = model.itemIndex(movie).orElseThrow();
            all[item] += FriendsLiked.boost(count);
        });
        return TopN.select(all, limit, item -> excluded[item]);
    }

    @Test
    void theBestAreThoseOfTheWholePassWithFriendsLiftingTheirMovies() {
        HybridModel model = model();
        Random random = new Random(11);
        for (int member = 0; member < 50; member++) {
            Map<Integer, Float> mine = ratings(model, random);
            boolean[] excluded = rated(model, mine);
            Map<Long, Integer> friends = new HashMap<>();
            for (int k = 0; k < random.nextInt(60); k++) {
                friends.put(model.itemId(random.nextInt(model.itemCount())), 1 + random.nextInt(5));
            }
            int limit = 1 + random.nextInt(100);

            int[] kept = Folded.of(model, mine).best(model, friends, limit);

            assertThat(kept)
                    .as("member %d, limit %d", member, limit)
                    .containsExactly(wholePass(model, model.foldIn(mine), friends, limit, excluded));
        }
    }

    @Test
    void friendsMoviesOutsideTheKeptBestAreScoredOnceAndGiveTheWholePassAfterwards() {
        HybridModel model = model();
        Random random = new Random(17);
        for (int member = 0; member < 20; member++) {
            Map<Integer, Float> mine = ratings(model, random);
            boolean[] excluded = rated(model, mine);
            Folded folded = Folded.of(model, mine);
            Set<Integer> kept = new HashSet<>();
            for (int item : folded.best(model, Map.of(), Folded.KEPT_BEST)) {
                kept.add(item);
            }
            Map<Long, Integer> friends = new HashMap<>();
            Set<Integer> outside = new HashSet<>();
            // The friends like more movies from one request to the next, and some no longer.
            for (int asked = 0; asked < 4; asked++) {
                for (int k = 0; k < 1 + random.nextInt(20); k++) {
                    int item = random.nextInt(model.itemCount());
                    friends.put(model.itemId(item), 1 + random.nextInt(5));
                }
                if (asked == 2) {
                    friends.keySet().removeIf(movie -> random.nextBoolean());
                }
                for (long movie : friends.keySet()) {
                    int item = model.itemIndex(movie).orElseThrow();
                    if (!kept.contains(item) && !excluded[item]) {
                        outside.add(item);
                    }
                }
                int limit = 1 + random.nextInt(100);

                int[] best = folded.best(model, friends, limit);

                assertThat(best)
                        .as("member %d, request %d", member, asked)
                        .containsExactly(wholePass(model, folded.profile(), friends, limit, excluded));
                assertThat(folded.rememberedOutside())
                        .as("every friends' movie outside the kept best was scored once and kept")
                        .isEqualTo(outside.size());
            }
        }
    }

    @Test
    void theKeptReasonsAndPredictionsAreThoseTheModelGives() {
        HybridModel model = model();
        Random random = new Random(13);
        for (int member = 0; member < 20; member++) {
            Map<Integer, Float> mine = new HashMap<>();
            for (int k = 0; k < 1 + random.nextInt(30); k++) {
                mine.put(random.nextInt(model.itemCount()), 0.5f + random.nextInt(10) / 2f);
            }
            Folded folded = Folded.of(model, mine);
            int[] kept = folded.best(model, Map.of(), 100);
            int outside = random.nextInt(model.itemCount());

            for (int asked = 0; asked < 2; asked++) {
                for (int item : new int[] {kept[0], kept[kept.length - 1], outside}) {
                    assertThat(folded.because(model, item))
                            .as("member %d, item %d", member, item)
                            .isEqualTo(model.because(folded.profile(), item, 1).stream()
                                    .findFirst());
                    assertThat(folded.predicted(model, item))
                            .as("member %d, item %d", member, item)
                            .contains(java.math.BigDecimal.valueOf(model.predict(folded.profile(), item))
                                    .setScale(2, java.math.RoundingMode.HALF_UP));
                }
            }
        }
    }
}
