package org.cinemates.preference.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.IntegrationTest;
import org.cinemates.recommender.model.HybridConfig;
import org.cinemates.recommender.model.HybridModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Recommendations from the learned model, trained on community ratings of two kinds of movie
 * ("A", animated comedies, and "B", horror thrillers) whose raters each love one kind and dislike
 * the other.
 */
class LearnedRecommendationIT extends IntegrationTest {

    private static final Path DATA = dataDir();
    private static final int PER_KIND = 15;
    private static final List<Long> A = new ArrayList<>();
    private static final List<Long> B = new ArrayList<>();
    private static final List<String> A_GENRES = List.of("Animation", "Comedy");
    private static final List<String> B_GENRES = List.of("Horror", "Thriller");

    private static Path dataDir() {
        try {
            return Files.createTempDirectory("learned-recommendations");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "learned");
        registry.add("cinemates.data-dir", DATA::toString);
        registry.add("cinemates.preferences.recommender.min-ratings", () -> "1");
        registry.add("cinemates.preferences.recommender.check-every", () -> "1h");
    }

    @Autowired
    ModelTrainer trainer;

    @Autowired
    ModelHolder holder;

    @BeforeEach
    synchronized void communityAndModel() {
        if (A.isEmpty()) {
            for (int k = 1; k <= PER_KIND; k++) {
                A.add(MOVIES.add("A" + k, A_GENRES, List.of("talking animals")));
                B.add(MOVIES.add("B" + k, B_GENRES, List.of("gore")));
            }
            Random random = new Random(7);
            Timestamp at = Timestamp.from(Instant.parse("2020-01-01T00:00:00Z"));
            for (long rater = 1; rater <= 80; rater++) {
                List<Long> loved = rater % 2 == 0 ? A : B;
                List<Long> disliked = rater % 2 == 0 ? B : A;
                List<Long> seen = new ArrayList<>();
                for (Long movie : loved) {
                    if (random.nextInt(3) > 0) {
                        store(rater, movie, random.nextBoolean() ? 4.5 : 5.0, at);
                        seen.add(movie);
                    }
                }
                for (int k = 0; k < 2; k++) {
                    Long movie = disliked.get(random.nextInt(PER_KIND));
                    if (!seen.contains(movie)) {
                        store(rater, movie, random.nextBoolean() ? 1.5 : 2.0, at);
                        seen.add(movie);
                    }
                }
            }
        }
        // The trainer may have trained on its own meanwhile, on the first few of the community's
        // 900-odd ratings.
        if (holder.current().map(served -> served.model().metadata().ratings()).orElse(0) < 900) {
            assertThat(trainer.train(LearnedRecommendationIT::fit)).isTrue();
        }
    }

    private static HybridModel fit(org.cinemates.recommender.data.Ratings ratings) {
        return HybridModel.train(ratings, HybridConfig.defaults().withSeed(42));
    }

    private void store(long rater, long movie, double score, Timestamp at) {
        jdbc.sql("insert into community_ratings (rater_id, movie_id, score, rated_at) values (?, ?, ?, ?)")
                .params(rater, movie, BigDecimal.valueOf(score), at)
                .update();
    }

    private void rate(Member member, long movieId, double score) {
        ApiResponse response = api().put("/api/preferences/ratings/" + movieId)
                .bearer(member.token())
                .json(Map.of("score", score))
                .send();
        assertThat(response.status()).as("%s", response).isIn(200, 201);
    }

    private ApiResponse recommendations(Member member, String query) {
        return api().get("/api/preferences/recommendations" + query)
                .bearer(member.token())
                .send();
    }

    private static List<Long> movieIds(JsonNode body) {
        return body.path("items")
                .valueStream()
                .map(item -> item.path("movie").path("id").asLong())
                .toList();
    }

    private static long countIn(List<Long> ids, List<Long> kind) {
        return ids.stream().filter(kind::contains).count();
    }

    @Test
    void reasonsNameTheMovieILikedAndItsStars() {
        Member me = member("Fan");
        rate(me, A.get(0), 5.0);
        rate(me, A.get(1), 5.0);
        rate(me, A.get(2), 4.5);

        JsonNode body = recommendations(me, "?limit=5").json();

        assertThat(countIn(movieIds(body), A)).as("%s", body).isGreaterThanOrEqualTo(4);
        JsonNode first = body.path("items").get(0);
        assertThat(first.path("reasons").get(0).asString()).matches("Because you liked A[123] \\((5\\.0|4\\.5)★\\)");
        assertThat(first.path("score").decimalValue()).isBetween(new BigDecimal("0.5"), new BigDecimal("5.0"));
        assertThat(first.path("movie").path("title").asString()).startsWith("A");
        assertThat(body.has("degraded")).isFalse();
    }

    @Test
    void neverAMovieIRated() {
        Member me = member("Completist");
        List<Long> rated = List.of(A.get(3), A.get(4), B.get(5), B.get(6));
        for (Long movie : rated) {
            rate(me, movie, 4.0);
        }

        List<Long> recommended = movieIds(recommendations(me, "?limit=100").json());

        assertThat(recommended).isNotEmpty().doesNotContainAnyElementsOf(rated).doesNotHaveDuplicates();
    }

    @Test
    void aNewRatingChangesRecommendationsAtOnce() {
        Member me = member("Convert");
        rate(me, A.get(0), 5.0);
        rate(me, A.get(1), 5.0);
        ServedModel model = holder.current().orElseThrow();
        assertThat(countIn(movieIds(recommendations(me, "?limit=5").json()), A)).isGreaterThanOrEqualTo(4);

        rate(me, A.get(0), 1.0);
        rate(me, A.get(1), 1.0);
        for (int k = 0; k < 5; k++) {
            rate(me, B.get(k), 5.0);
        }

        JsonNode body = recommendations(me, "?limit=5").json();
        assertThat(holder.current().orElseThrow()).as("no retraining").isSameAs(model);
        assertThat(countIn(movieIds(body), B)).as("%s", body).isGreaterThanOrEqualTo(4);
        assertThat(body.path("items").get(0).path("reasons").get(0).asString()).startsWith("Because you liked B");
    }

    @Test
    void aMemberWithoutRatingsGetsPopularMovies() {
        JsonNode body = recommendations(member("Newcomer"), "?limit=10").json();

        List<Long> ids = movieIds(body);
        assertThat(ids).hasSize(10);
        for (JsonNode item : body.path("items")) {
            assertThat(item.path("reasons").get(0).asString()).startsWith("Well rated by members and the community (");
            assertThat(item.path("score").isNull()).isFalse();
        }
        // Both kinds are loved by half the community: the popular picks are not all of one kind.
        assertThat(countIn(ids, A)).isBetween(1L, 9L);
    }

    @Test
    void friendsWhoLikedAMovieAreAReason() {
        Member me = member("Sociable");
        Member friend = member("Friend");
        Member another = member("Another");
        USERS.befriend(me.id(), friend.id());
        USERS.befriend(me.id(), another.id());
        rate(me, A.get(0), 5.0);
        rate(friend, B.get(9), 4.5);
        rate(another, B.get(9), 4.0);
        rate(friend, B.get(10), 3.5);

        JsonNode body = recommendations(me, "?limit=100").json();

        JsonNode liked = item(body, B.get(9));
        assertThat(liked.path("reasons").valueStream().map(JsonNode::asString).toList())
                .contains("2 friends rated it 4 or more");
        assertThat(item(body, B.get(10))
                        .path("reasons")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .noneMatch(reason -> reason.contains("friend"));
    }

    @Test
    void aFriendWhoKeepsTheirRatingsPrivateIsNoReason() {
        Member me = member("Trusting");
        Member secret = member("Secretive");
        USERS.befriend(me.id(), secret.id());
        USERS.visibility(secret.id(), "PRIVATE");
        rate(me, A.get(2), 5.0);
        rate(secret, B.get(13), 5.0);

        assertThat(reasonsOf(recommendations(me, "?limit=100").json(), B.get(13)))
                .noneMatch(reason -> reason.contains("friend"));
    }

    @Test
    void aFriendsNewRatingCountsAtOnce() {
        Member me = member("Watcher");
        Member friend = member("Quick");
        USERS.befriend(me.id(), friend.id());
        rate(me, A.get(1), 5.0);
        assertThat(reasonsOf(recommendations(me, "?limit=100").json(), B.get(12)))
                .noneMatch(reason -> reason.contains("friend"));

        rate(friend, B.get(12), 5.0);

        assertThat(reasonsOf(recommendations(me, "?limit=100").json(), B.get(12)))
                .contains("A friend rated it 4 or more");
    }

    @Test
    void whileUserServiceIsAwayTheLastKnownFriendsStillCount() {
        Member me = member("Remembered");
        Member friend = member("Faithful");
        USERS.befriend(me.id(), friend.id());
        rate(me, A.get(2), 5.0);
        rate(friend, B.get(13), 4.5);
        assertThat(reasonsOf(recommendations(me, "?limit=100").json(), B.get(13)))
                .contains("A friend rated it 4 or more");
        USERS.stop();

        JsonNode body = recommendations(me, "?limit=100").json();

        assertThat(body.has("degraded")).as("%s", body).isFalse();
        assertThat(reasonsOf(body, B.get(13))).contains("A friend rated it 4 or more");
    }

    private static List<String> reasonsOf(JsonNode body, long movieId) {
        return item(body, movieId)
                .path("reasons")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    private static JsonNode item(JsonNode body, long movieId) {
        for (JsonNode item : body.path("items")) {
            if (item.path("movie").path("id").asLong() == movieId) {
                return item;
            }
        }
        throw new AssertionError("movie " + movieId + " not in " + body);
    }

    @Test
    void withoutUserServiceThereIsNoFriendsSignalButRecommendationsStillCome() {
        Member me = member("Lonely");
        rate(me, A.get(0), 5.0);
        USERS.stop();

        ApiResponse response = recommendations(me, "?limit=5");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json()
                        .path("degraded")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("user-service");
        assertThat(movieIds(response.json())).hasSize(5);
    }

    @Test
    void aModelSwapUnderLoadNeitherFailsNorWaits() throws Exception {
        Member me = member("Busy");
        rate(me, A.get(0), 5.0);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong slowest = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> load = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            load.add(clients.submit(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    ApiResponse response = recommendations(me, "?limit=10");
                    slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
                    if (response.status() == 200
                            && response.json().path("items").size() == 10) {
                        answered.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        ServedModel before = holder.current().orElseThrow();
        assertThat(trainer.train(LearnedRecommendationIT::fit)).isTrue();
        assertThat(trainer.train(LearnedRecommendationIT::fit)).isTrue();
        Thread.sleep(200);
        running.set(false);
        for (Future<?> client : load) {
            client.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertThat(holder.current().orElseThrow()).isNotSameAs(before);
        assertThat(failed.get()).isZero();
        assertThat(answered.get()).isPositive();
        assertThat(TimeUnit.NANOSECONDS.toMillis(slowest.get()))
                .as("slowest answer, ms")
                .isLessThan(2000);
        assertThat(DATA.resolve(ModelTrainer.MODEL_FILE)).exists();
    }

    @Test
    void aFailedTrainingKeepsThePreviousModelServing() {
        ServedModel before = holder.current().orElseThrow();

        boolean trained = trainer.train(ratings -> {
            throw new IllegalStateException("out of luck");
        });

        assertThat(trained).isFalse();
        assertThat(holder.current().orElseThrow()).isSameAs(before);
        Member me = member("Unaffected");
        rate(me, B.get(0), 5.0);
        assertThat(recommendations(me, "?limit=3").status()).isEqualTo(200);
    }

    private ApiResponse similar(Member member, long movieId, String query) {
        return api().get("/api/preferences/movies/" + movieId + "/similar" + query)
                .bearer(member.token())
                .send();
    }

    @Test
    void similarMoviesAreOfTheSameKindAndNeverTheMovieItself() {
        Member me = member("Browser");

        ApiResponse response = similar(me, A.get(0), "?limit=5");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<Long> ids = movieIds(response.json());
        assertThat(ids).hasSize(5).doesNotContain(A.get(0));
        assertThat(countIn(ids, A)).isGreaterThanOrEqualTo(4);
        JsonNode first = response.json().path("items").get(0);
        assertThat(first.path("movie").path("title").asString()).startsWith("A");
        assertThat(first.path("score").isNumber()).isTrue();
        assertThat(movieIds(similar(me, A.get(0), "").json()))
                .as("20 by default")
                .hasSize(20);
    }

    @Test
    void similarToAnUnknownMovieIsNotFound() {
        Member me = member("Explorer");

        assertProblem(similar(me, MOVIES.unknownId(), ""), 404, "movie-not-found");
        assertProblem(similar(me, 0, ""), 400, "validation");
    }

    @Test
    void similarToAMovieNotLearnedYetComesFromItsGenresAndTags() {
        Member me = member("Curious");
        long horror = MOVIES.add("New horror", List.of("Horror"), List.of("gore"));
        long documentary = MOVIES.add("New documentary", List.of("Documentary"), List.of());

        ApiResponse response = similar(me, horror, "?limit=5");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(movieIds(response.json())).hasSize(5).allMatch(B::contains);
        assertThat(response.json().path("items").get(0).path("score").asDouble())
                .isBetween(0.5, 1.0);
        assertThat(similar(me, documentary, "").json().path("items").size())
                .as("nothing shares its genres")
                .isZero();
    }

    @Test
    void learningTheMoviesGenresDoesNotMakeThemRatableWithoutMovieService() {
        long learned = MOVIES.add("Learned, never looked at", A_GENRES, List.of());
        Timestamp at = Timestamp.from(Instant.parse("2021-01-01T00:00:00Z"));
        for (long rater = 1; rater <= 5; rater++) {
            store(rater, learned, 4.0, at);
        }
        assertThat(trainer.train(LearnedRecommendationIT::fit)).isTrue();
        assertThat(holder.current().orElseThrow().knowsContent()).isTrue();
        MOVIES.stop();

        ApiResponse response = api().put("/api/preferences/ratings/" + learned)
                .bearer(member("Offline").token())
                .json(Map.of("score", 4.0))
                .send();

        assertProblem(response, 503, "dependency-unavailable");
    }

    @Test
    void aMemberWhoRatedOnlyMoviesNotLearnedYetGetsPopularOnesOfTheKindTheyLike() {
        Member me = member("Animated");
        rate(me, MOVIES.add("New cartoon", List.of("Animation"), List.of("talking animals")), 5.0);
        rate(me, MOVIES.add("New slasher", List.of("Horror"), List.of("gore")), 1.0);

        JsonNode body = recommendations(me, "?limit=10").json();

        List<Long> ids = movieIds(body);
        assertThat(ids).hasSize(10);
        assertThat(ids.subList(0, 3)).allMatch(A::contains);
        assertThat(reasonsOf(body, ids.get(0))).contains("Because you like Animation");
        assertThat(body.has("degraded")).isFalse();
    }

    @Test
    void limitsOutOfRangeAreRejected() {
        Member me = member("Limits");
        for (String query : List.of("?limit=0", "?limit=101", "?limit=abc")) {
            JsonNode problem = assertProblem(similar(me, A.get(0), query), 400, "validation");
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("limit");
            assertProblem(recommendations(me, query), 400, "validation");
        }
    }
}
