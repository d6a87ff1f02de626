package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The social loop through nginx: a member rates, reviews and saves movies; their friends see it
 * in their feed within seconds, exactly once; strangers do not.
 */
@Order(4)
class SocialLoopIT extends EndToEnd {

    static final Duration FEW_SECONDS = Duration.ofSeconds(15);

    @Test
    void aFriendsRatingReachesMyFeedOnceAndStrangersNeverSeeIt() {
        Member ann = join("Ann");
        Member bob = join("Bob");
        Member eve = join("Eve");
        befriend(ann, bob);
        long movie = movieIds(1).get(0);

        ApiResponse rated = rate(bob, movie, 4.5);
        assertThat(rated.status()).as("%s", rated).isEqualTo(201);
        assertThat(rated.json().path("score").asDouble()).isEqualTo(4.5);

        List<JsonNode> seen = eventually(
                FEW_SECONDS,
                () -> ratingsOf(allActivities(ann, "/api/activities/feed"), bob),
                items -> !items.isEmpty(),
                "Bob's rating in Ann's feed");
        assertThat(seen).hasSize(1);
        JsonNode activity = seen.get(0);
        assertThat(activity.path("type").asString()).isEqualTo("RATED");
        assertThat(activity.path("movieId").asLong()).isEqualTo(movie);
        assertThat(activity.path("score").asDouble()).isEqualTo(4.5);
        assertThat(activity.path("actor").path("username").asString()).isEqualTo(bob.username());
        assertThat(activity.path("actor").path("displayName").asString()).isEqualTo("Bob");

        assertThat(ratingsOf(allActivities(eve, "/api/activities/feed"), bob))
                .as("a stranger's feed")
                .isEmpty();
        assertProblem(eve.browser().get("/api/activities/users/" + bob.id()).send(), 403);
        assertThat(ratingsOf(allActivities(ann, "/api/activities/users/" + bob.id()), bob))
                .hasSize(1);
        assertThat(ratingsOf(allActivities(bob, "/api/activities/users/" + bob.id()), bob))
                .as("my own activity")
                .hasSize(1);
        assertThat(ratingsOf(allActivities(bob, "/api/activities/feed"), bob))
                .as("my feed shows my friends, not me")
                .isEmpty();

        JsonNode summary = ann.browser()
                .get("/api/preferences/movies/" + movie + "/summary")
                .send()
                .json();
        assertThat(summary.path("friends").get(0).path("user").path("id").asLong())
                .isEqualTo(bob.id());
        assertThat(summary.path("friends").get(0).path("score").asDouble()).isEqualTo(4.5);

        JsonNode home = eventually(
                FEW_SECONDS,
                () -> ann.browser().get("/api/preferences/home").send().json(),
                body -> body.path("friendActivity").size() > 0,
                "friends' activity on Ann's home");
        assertThat(home.has("degraded")).as("%s", home).isFalse();
        assertThat(home.path("recommendations").isArray()).isTrue();
        JsonNode first = home.path("friendActivity").get(0);
        assertThat(first.path("movie").path("title").asString()).isNotBlank();
    }

    @Test
    void reviewsWatchlistAndDeletionsFollowTheRating() {
        Member cat = join("Cat");
        Member dan = join("Dan");
        befriend(dan, cat); // Cat accepts: her own BEFRIENDED activity names Dan
        List<Long> movies = movieIds(3);

        ApiResponse reviewed = dan.browser()
                .put("/api/preferences/ratings/" + movies.get(0))
                .json(Map.of("score", 3.0, "review", "Slow, then wonderful."))
                .send();
        assertThat(reviewed.status()).isEqualTo(201);
        assertThat(dan.browser()
                        .put("/api/preferences/watchlist/" + movies.get(1))
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(rate(dan, movies.get(2), 2.0).status()).isEqualTo(201);

        List<JsonNode> feed = eventually(
                FEW_SECONDS,
                () -> activitiesOf(allActivities(cat, "/api/activities/feed"), dan),
                items -> items.size() >= 4,
                "Dan joined, reviewed, saved and rated");
        assertThat(feed.stream().map(a -> a.path("type").asString()))
                .contains("JOINED", "REVIEWED", "WATCHLISTED", "RATED");
        assertThat(activitiesOf(allActivities(cat, "/api/activities/users/" + cat.id()), dan))
                .singleElement()
                .satisfies(a -> assertThat(a.path("type").asString()).isEqualTo("BEFRIENDED"));

        assertThat(dan.browser()
                        .delete("/api/preferences/ratings/" + movies.get(2))
                        .send()
                        .status())
                .isEqualTo(204);
        eventually(
                FEW_SECONDS,
                () -> ratingsOf(allActivities(cat, "/api/activities/feed"), dan),
                items -> items.stream().noneMatch(a -> a.path("movieId").asLong() == movies.get(2)),
                "the deleted rating gone from Cat's feed");

        assertThat(dan.browser()
                        .delete("/api/users/me")
                        .json(Map.of("password", PASSWORD))
                        .send()
                        .status())
                .isEqualTo(204);
        eventually(
                FEW_SECONDS,
                () -> activitiesOf(allActivities(cat, "/api/activities/users/" + cat.id()), dan),
                List::isEmpty,
                "Cat's friendship with the deleted Dan gone from her activity");
    }

    @Test
    void badRatingsAreProblemsAndStoreNothing() {
        Member fay = join("Fay");
        long movie = movieIds(1).get(0);

        for (Object score : List.of(5.5, 0, 4.25, -1, "4.5")) {
            ApiResponse answer = fay.browser()
                    .put("/api/preferences/ratings/" + movie)
                    .json(Map.of("score", score))
                    .send();
            assertProblem(answer, 400);
        }
        assertProblem(
                fay.browser()
                        .put("/api/preferences/ratings/" + movie)
                        .json(Map.of("score", 4.0, "review", "x".repeat(5001)))
                        .send(),
                400);
        assertProblem(rate(fay, 987_654_321L, 4.0), 404);
        assertProblem(
                fay.browser()
                        .put("/api/preferences/ratings/abc")
                        .json(Map.of("score", 4.0))
                        .send(),
                400);
        assertThat(fay.browser().get("/api/preferences/ratings").send().total()).isZero();
        assertProblem(browser().get("/api/preferences/ratings").send(), 401);
        assertProblem(browser().get("/api/activities/feed").send(), 401);
    }

    static List<JsonNode> ratingsOf(List<JsonNode> activities, Member actor) {
        return activitiesOf(activities, actor).stream()
                .filter(a ->
                        List.of("RATED", "REVIEWED").contains(a.path("type").asString()))
                .toList();
    }

    static List<JsonNode> activitiesOf(List<JsonNode> activities, Member actor) {
        return activities.stream()
                .filter(a -> a.path("actor").path("id").asLong() == actor.id()
                        || a.path("friend").path("id").asLong() == actor.id())
                .toList();
    }
}
