package org.cinemates.recommender.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.cinemates.recommender.TestData;
import org.cinemates.recommender.data.Ratings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HybridModelTest {

    private static final int ITEMS = 60;

    /** Small and quick, same shape as the shipped configuration. */
    static final HybridConfig SMALL = new HybridConfig(
            new BiasedMf.Config(8, 30, 0.02f, 0.95f, 0.05f, 0.005f, 0.05f, 4, 7),
            new Ease.Config(Feedback.RATED, 1, 3000),
            Relevance.LIKED,
            1f,
            5f,
            7);

    private static final Ratings RATINGS = TestData.twoTastes(80, ITEMS, 25, 3);
    private static final HybridModel MODEL = HybridModel.train(RATINGS, SMALL);

    private static int item(long id) {
        return MODEL.itemIndex(id).orElseThrow();
    }

    private static boolean firstHalf(int item) {
        return MODEL.itemId(item) <= ITEMS / 2;
    }

    @Test
    void neverRecommendsWhatTheUserRatedOrWhatIsExcluded() {
        for (int u = 0; u < RATINGS.userCount(); u++) {
            Set<Integer> excluded = Set.of(0, 1, 2);
            List<ScoredItem> recommended = MODEL.recommend(u, excluded, 20);

            assertThat(recommended).hasSize(20);
            for (ScoredItem r : recommended) {
                assertThat(RATINGS.hasRated(u, r.item())).isFalse();
                assertThat(excluded).doesNotContain(r.item());
            }
        }
    }

    @Test
    void recommendsWhatUsersOfTheSameTasteLiked() {
        int lover = RATINGS.users().indexOf(2); // group 0: loves the first half
        List<ScoredItem> recommended = MODEL.recommend(lover, Set.of(), 5);

        assertThat(recommended).allSatisfy(r -> assertThat(firstHalf(r.item())).isTrue());
        assertThat(MODEL.predict(lover, recommended.get(0).item())).isGreaterThan(4.0);
    }

    @Test
    void foldInServesANewUserAndANewRatingChangesTheirRecommendations() {
        Map<Integer, Float> ratings = new HashMap<>();
        ratings.put(item(1), 5f);
        ratings.put(item(2), 4.5f);
        ratings.put(item(3), 5f);
        UserProfile before = MODEL.foldIn(ratings);
        List<ScoredItem> first = MODEL.recommend(before, Set.of(), 10);
        assertThat(first.stream().filter(r -> firstHalf(r.item())).count()).isGreaterThanOrEqualTo(8);

        // They turn out to love the second half too: four ratings later the list has changed.
        int newlyRated = item(ITEMS);
        ratings.put(newlyRated, 5f);
        ratings.put(item(ITEMS - 1), 5f);
        ratings.put(item(ITEMS - 2), 5f);
        ratings.put(item(ITEMS - 3), 5f);
        UserProfile after = MODEL.foldIn(ratings);
        List<ScoredItem> second = MODEL.recommend(after, Set.of(), 10);

        assertThat(second).isNotEqualTo(first);
        assertThat(second).extracting(ScoredItem::item).doesNotContain(newlyRated, item(1), item(2), item(3));
        assertThat(second.stream().filter(r -> !firstHalf(r.item())).count())
                .isGreaterThan(first.stream().filter(r -> !firstHalf(r.item())).count());
    }

    @Test
    void aSingleNewRatingMovesTheScores() {
        Map<Integer, Float> ratings = new HashMap<>(Map.of(item(1), 5f, item(2), 5f));
        float[] before = new float[MODEL.itemCount()];
        MODEL.scoreItems(MODEL.foldIn(ratings), before);
        ratings.put(item(ITEMS), 5f);
        float[] after = new float[MODEL.itemCount()];
        MODEL.scoreItems(MODEL.foldIn(ratings), after);

        int secondHalfItem = item(ITEMS - 1);
        assertThat(after[secondHalfItem]).isGreaterThan(before[secondHalfItem]);
    }

    @Test
    void oneItemScoresAsInTheWholePass() {
        UserProfile profile = MODEL.foldIn(Map.of(item(1), 5f, item(ITEMS), 2f));
        float[] all = new float[MODEL.itemCount()];
        MODEL.scoreItems(profile, all);

        for (int item = 0; item < MODEL.itemCount(); item++) {
            assertThat(MODEL.scoreItem(profile, item)).isEqualTo(all[item]);
        }
    }

    @Test
    void foldInPredictsRatingsForSomeoneTheModelNeverSaw() {
        UserProfile stranger = MODEL.foldIn(Map.of(item(ITEMS), 5f, item(ITEMS - 1), 4.5f, item(1), 1.5f, item(2), 1f));

        double liked = MODEL.predict(stranger, item(ITEMS - 2));
        double disliked = MODEL.predict(stranger, item(3));
        assertThat(liked).isBetween(0.5, 5.0).isGreaterThan(disliked + 1);
        assertThat(stranger.hasRated(item(1))).isTrue();
        assertThat(stranger.ratingCount()).isEqualTo(4);
    }

    @Test
    void anEmptyProfileStillGetsRecommendations() {
        UserProfile nobody = MODEL.foldIn(Map.of());

        assertThat(MODEL.recommend(nobody, Set.of(), 3)).hasSize(3);
    }

    @Test
    void similarItemsShareTheTasteAndNeverIncludeTheItemItself() {
        int movie = item(5);
        List<ScoredItem> similar = MODEL.similar(movie, 10);

        assertThat(similar).hasSize(10);
        assertThat(similar).extracting(ScoredItem::item).doesNotContain(movie);
        assertThat(similar).allSatisfy(s -> assertThat(firstHalf(s.item())).isTrue());
    }

    @Test
    void reasonsAreLikedItemsMostSimilarToTheRecommendation() {
        Map<Integer, Float> ratings = Map.of(item(1), 5f, item(2), 4f, item(3), 2f, item(ITEMS), 5f);
        int candidate = item(10);

        List<Reason> reasons = MODEL.because(ratings, candidate, 3);

        // Items they did not like are never reasons, nor liked ones of the other taste.
        assertThat(reasons).extracting(Reason::item).doesNotContain(item(3), candidate);
        assertThat(reasons).isNotEmpty();
        assertThat(reasons).extracting(Reason::item).isSubsetOf(item(1), item(2));
        assertThat(reasons).isSortedAccordingTo((a, b) -> Float.compare(b.support(), a.support()));
        assertThat(MODEL.because(ratings, candidate, 1)).containsExactly(reasons.get(0));
        // The support is what the liked movie adds to the recommendation's score.
        assertThat(reasons.get(0).support())
                .isEqualTo(MODEL.similarity(reasons.get(0).item(), candidate));
    }

    @Test
    void aSavedModelLoadsWithIdenticalScores(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MODEL.withMetadata(MODEL.metadata().withHoldoutRmse(0.91)).save(bytes);
        HybridModel loaded = HybridModel.load(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(loaded.metadata()).isEqualTo(MODEL.metadata().withHoldoutRmse(0.91));
        assertThat(loaded.config()).isEqualTo(MODEL.config());
        float[] expected = new float[MODEL.itemCount()];
        float[] actual = new float[MODEL.itemCount()];
        for (int u = 0; u < MODEL.userCount(); u++) {
            assertThat(loaded.userId(u)).isEqualTo(MODEL.userId(u));
            MODEL.scoreItems(u, expected);
            loaded.scoreItems(u, actual);
            assertThat(actual).containsExactly(expected);
            for (int i = 0; i < MODEL.itemCount(); i++) {
                assertThat(loaded.predict(u, i)).isEqualTo(MODEL.predict(u, i));
            }
            assertThat(loaded.recommend(u, Set.of(), 10)).isEqualTo(MODEL.recommend(u, Set.of(), 10));
        }
        assertThat(loaded.similar(3, 5)).isEqualTo(MODEL.similar(3, 5));
        Map<Integer, Float> ratings = Map.of(1, 5f, 7, 2f);
        assertThat(loaded.recommend(loaded.foldIn(ratings), Set.of(), 10))
                .isEqualTo(MODEL.recommend(MODEL.foldIn(ratings), Set.of(), 10));

        Path file = dir.resolve("model.bin");
        MODEL.save(file);
        assertThat(Files.size(file)).isEqualTo(bytes.size());
        assertThat(HybridModel.load(file).recommend(4, Set.of(), 10)).isEqualTo(MODEL.recommend(4, Set.of(), 10));
    }

    @Test
    void aDamagedFileIsRefused() {
        byte[] garbage = {1, 2, 3, 4, 5, 6, 7, 8};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HybridModel.load(new ByteArrayInputStream(garbage)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Not a Cinemates model file");
    }

    @Test
    void theSameSeedGivesTheSameModelWhateverTheNumberOfThreads() throws Exception {
        HybridModel oneThread;
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            oneThread = single.submit(() -> HybridModel.train(RATINGS, SMALL)).get();
        } finally {
            single.shutdown();
        }
        float[] expected = new float[MODEL.itemCount()];
        float[] actual = new float[MODEL.itemCount()];
        for (int u = 0; u < MODEL.userCount(); u++) {
            MODEL.scoreItems(u, expected);
            oneThread.scoreItems(u, actual);
            assertThat(actual).containsExactly(expected);
            assertThat(oneThread.predict(u, 0)).isEqualTo(MODEL.predict(u, 0));
        }
    }

    @Test
    void metadataDescribesTheTraining() {
        ModelMetadata metadata = MODEL.metadata();

        assertThat(metadata.name()).isEqualTo(CinematesHybrid.NAME);
        assertThat(metadata.ratings()).isEqualTo(RATINGS.size());
        assertThat(metadata.users()).isEqualTo(RATINGS.userCount());
        assertThat(metadata.items()).isEqualTo(RATINGS.itemCount());
        assertThat(metadata.holdoutRmse()).isNull();
        assertThat(metadata.trainSeconds()).isPositive();
    }
}
