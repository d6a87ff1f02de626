package org.cinemates.preference.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.FakeActivityService;
import org.cinemates.preference.FakeService;
import org.cinemates.preference.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The start page: recommendations and friends' activity side by side, and whatever a
 * dependency cannot deliver left out, named, and never waited for once its breaker is open.
 */
class HomeIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "home");
    }

    private Member me;
    private Member friend;
    private long favourite;
    private long watched;
    private long reviewed;

    /**
     * A member rated a favourite (the only rating there is); my friend's feed has a rating, a
     * review and a friendship.
     */
    @BeforeEach
    void aCommunity() {
        jdbc.sql("delete from ratings").update();
        me = member("Me");
        friend = member("Friend");
        favourite = MOVIES.add("Community favourite");
        watched = MOVIES.add("Watched by my friend");
        reviewed = MOVIES.add("Reviewed by my friend");
        ApiResponse rated = api().put("/api/preferences/ratings/" + favourite)
                .bearer(member("Critic").token())
                .json(Map.of("score", 5.0))
                .send();
        assertThat(rated.status()).isEqualTo(201);
        MOVIES.popular(List.of(MOVIES.add("Blockbuster")));
        ACTIVITIES.feed(
                me.id(),
                List.of(
                        FakeActivityService.activity(
                                903, "RATED", friend.id(), friend.username(), Map.of("movieId", watched, "score", 4.5)),
                        FakeActivityService.activity(
                                902,
                                "REVIEWED",
                                friend.id(),
                                friend.username(),
                                Map.of("movieId", reviewed, "score", 2.0, "review", "Meh")),
                        FakeActivityService.activity(
                                901,
                                "BEFRIENDED",
                                friend.id(),
                                friend.username(),
                                Map.of("friend", Map.of("id", me.id(), "username", me.username())))));
        MOVIES.forgetRequests();
    }

    private ApiResponse home() {
        return api().get("/api/preferences/home").bearer(me.token()).send();
    }

    private static List<String> degraded(JsonNode home) {
        return home.path("degraded").valueStream().map(JsonNode::asString).toList();
    }

    /** The ids asked of movie-service in batch lookups that included the watched movie. */
    private List<String> batchLookupsOfWatched() {
        return MOVIES.requests("/api/movies").stream()
                .map(r -> r.param("ids"))
                .filter(ids -> ids != null && ids.contains(String.valueOf(watched)))
                .toList();
    }

    private static List<Long> recommended(JsonNode home) {
        return home.path("recommendations")
                .valueStream()
                .map(item -> item.path("movie").path("id").asLong())
                .toList();
    }

    @Test
    void withEveryServiceUpTheStartPageHasEverything() {
        ApiResponse response = home();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode home = response.json();
        assertThat(home.has("degraded")).isFalse();
        assertThat(recommended(home)).startsWith(favourite).hasSizeLessThanOrEqualTo(10);
        assertThat(home.path("recommendations")
                        .get(0)
                        .path("movie")
                        .path("title")
                        .asString())
                .isEqualTo("Community favourite");
        assertThat(home.path("recommendations").get(0).path("reasons").size()).isPositive();

        JsonNode activity = home.path("friendActivity");
        assertThat(activity.size()).isEqualTo(3);
        JsonNode rating = activity.get(0);
        assertThat(rating.path("id").asLong()).isEqualTo(903);
        assertThat(rating.path("type").asString()).isEqualTo("RATED");
        assertThat(rating.path("actor").path("id").asLong()).isEqualTo(friend.id());
        assertThat(rating.path("actor").path("displayName").asString()).isEqualTo("The " + friend.username());
        assertThat(rating.path("movieId").asLong()).isEqualTo(watched);
        assertThat(rating.path("score").asDouble()).isEqualTo(4.5);
        assertThat(rating.path("createdAt").asString()).isEqualTo("2026-11-25T15:00:00.123456Z");
        assertThat(rating.path("movie").path("title").asString()).isEqualTo("Watched by my friend");
        assertThat(activity.get(1).path("review").asString()).isEqualTo("Meh");
        assertThat(activity.get(1).path("movie").path("title").asString()).isEqualTo("Reviewed by my friend");
        assertThat(activity.get(2).path("friend").path("id").asLong()).isEqualTo(me.id());
        assertThat(activity.get(2).has("movie")).isFalse();
    }

    @Test
    void theFeedIsAskedForOnMyBehalfAndItsMoviesInOneCall() {
        home();

        List<FakeService.Request> feedCalls = ACTIVITIES.requests("/api/activities/feed");
        assertThat(feedCalls).hasSize(1);
        assertThat(feedCalls.get(0).header("Authorization")).isEqualTo("Bearer " + me.token());
        assertThat(feedCalls.get(0).param("limit")).isEqualTo("10");
        assertThat(batchLookupsOfWatched()).containsExactly(watched + "," + reviewed);
    }

    @Test
    void theFeedsMoviesSeenLatelyComeFromMemory() {
        home();
        MOVIES.forgetRequests();

        JsonNode again = home().json();

        assertThat(again.path("friendActivity")
                        .get(0)
                        .path("movie")
                        .path("title")
                        .asString())
                .isEqualTo("Watched by my friend");
        assertThat(batchLookupsOfWatched()).isEmpty();

        MOVIES.stop();
        JsonNode withoutMovieService = home().json();

        assertThat(withoutMovieService
                        .path("friendActivity")
                        .get(1)
                        .path("movie")
                        .path("title")
                        .asString())
                .as("remembered from the first visit")
                .isEqualTo("Reviewed by my friend");
    }

    @Test
    void withoutActivityServiceTheStartPageStillAnswers() {
        for (Runnable outage : List.<Runnable>of(ACTIVITIES::stop, ACTIVITIES::failing, ACTIVITIES::slow)) {
            allUp();
            outage.run();

            ApiResponse response = home();

            assertThat(response.status()).as("%s", response).isEqualTo(200);
            JsonNode home = response.json();
            assertThat(degraded(home)).containsExactly("activity-service");
            assertThat(home.path("friendActivity").size()).isZero();
            assertThat(recommended(home)).startsWith(favourite);
        }
    }

    @Test
    void withoutMovieServiceItemsComeWithoutTheirMovies() {
        MOVIES.stop();

        ApiResponse response = home();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode home = response.json();
        assertThat(degraded(home)).containsExactly("movie-service");
        assertThat(recommended(home)).containsExactly(favourite);
        assertThat(home.path("recommendations")
                        .get(0)
                        .path("movie")
                        .path("title")
                        .asString())
                .as("remembered from when it was rated")
                .isEqualTo("Community favourite");
        JsonNode activity = home.path("friendActivity");
        assertThat(activity.size()).isEqualTo(3);
        assertThat(activity.get(0).path("movieId").asLong()).isEqualTo(watched);
        assertThat(activity.get(0).has("movie")).isFalse();
    }

    @Test
    void withEverythingDownTheStartPageStillAnswers() {
        MOVIES.failing();
        ACTIVITIES.stop();
        USERS.stop();

        ApiResponse response = home();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(degraded(response.json())).containsExactly("activity-service", "movie-service");
        assertThat(response.json().path("friendActivity").size()).isZero();
    }

    @Test
    void recommendationsAndActivityAreFetchedSideBySide() {
        MOVIES.slow();
        ACTIVITIES.slow();

        long started = System.nanoTime();
        ApiResponse response = home();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(200);
        assertThat(degraded(response.json())).containsExactly("activity-service", "movie-service");
        // Each waits out its time limit once; one after the other would take twice as long.
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(TIME_LIMIT_MILLIS - 100));
        assertThat(took).isLessThan(Duration.ofMillis(TIME_LIMIT_MILLIS * 2 - 200));
    }

    @Test
    void anOpenBreakerAnswersAtOnce() {
        ACTIVITIES.slow();
        for (int i = 0; i < 4; i++) {
            assertThat(degraded(home().json())).containsExactly("activity-service");
        }
        ACTIVITIES.forgetRequests();

        long started = System.nanoTime();
        ApiResponse response = home();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(200);
        assertThat(degraded(response.json())).containsExactly("activity-service");
        assertThat(recommended(response.json())).startsWith(favourite);
        assertThat(ACTIVITIES.requests("/api/activities")).as("not even asked").isEmpty();
        assertThat(took).isLessThan(Duration.ofMillis(TIME_LIMIT_MILLIS / 2));
    }

    @Test
    void strangersHaveNoStartPage() {
        assertProblem(api().get("/api/preferences/home").send(), 401, "unauthenticated");
    }
}
