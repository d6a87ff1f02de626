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
 * Lists, privacy, likes, comments and notifications through nginx, as a browser uses them (cookies
 * and the CSRF header), and a public list's share link opened without an account.
 */
@Order(4)
class SocialLayerIT extends EndToEnd {

    static final Duration FEW_SECONDS = Duration.ofSeconds(15);

    /**
     * activity-service (for the feed) and preference-service (naming friends on a movie's summary)
     * keep a visibility up to 30 s; the instance that receives the member's PROFILE_UPDATED forgets
     * it at once, a replica that did not when its 30 s are up.
     */
    static final Duration VISIBILITY_CATCH_UP = Duration.ofSeconds(45);

    @Test
    void aPublicListOpensWithoutAnAccountAndAFriendsListDoesNot() {
        Member ann = join("Lister");
        List<Long> movies = movieIds(3);
        ApiResponse made = ann.browser()
                .post("/api/preferences/lists")
                .json(Map.of("name", "Three to start", "ranked", true, "visibility", "PUBLIC"))
                .send();
        assertThat(made.status()).as("%s", made).isEqualTo(201);
        long id = made.json().path("id").asLong();
        ApiResponse filled = ann.browser()
                .put("/api/preferences/lists/" + id + "/items")
                .json(Map.of(
                        "items",
                        List.of(
                                Map.of("movieId", movies.get(2), "note", "Best"),
                                Map.of("movieId", movies.get(0)),
                                Map.of("movieId", movies.get(1)))))
                .send();
        assertThat(filled.status()).as("%s", filled).isEqualTo(200);

        ApiResponse shared = browser().get("/api/preferences/lists/" + id).send();
        assertThat(shared.status()).as("%s", shared).isEqualTo(200);
        assertThat(shared.json()
                        .path("items")
                        .valueStream()
                        .map(item -> item.path("movie").path("id").asLong()))
                .containsExactly(movies.get(2), movies.get(0), movies.get(1));
        assertThat(shared.json()
                        .path("items")
                        .get(0)
                        .path("movie")
                        .path("title")
                        .asString())
                .isNotBlank();

        ann.browser()
                .patch("/api/preferences/lists/" + id)
                .json(Map.of("visibility", "FRIENDS"))
                .send();
        assertProblem(browser().get("/api/preferences/lists/" + id).send(), 404);
    }

    @Test
    void aPrivateMemberShowsNothingAndAPublicOneShowsVisitorsToo() {
        Member ann = join("Private");
        Member bob = join("Friend");
        befriend(ann, bob);
        long movie = movieIds(1).get(0);
        assertThat(rate(ann, movie, 4.0).status()).isEqualTo(201);
        assertThat(friendsNamedOnSummary(bob, movie))
                .as("Bob's summary names Ann")
                .containsExactly(ann.id());

        assertThat(bob.browser()
                        .get("/api/preferences/members/" + ann.id() + "/ratings")
                        .send()
                        .status())
                .as("friends see FRIENDS, the default")
                .isEqualTo(200);
        assertProblem(
                browser()
                        .get("/api/preferences/members/" + ann.id() + "/ratings")
                        .send(),
                403);

        ann.browser()
                .patch("/api/users/me")
                .json(Map.of("visibility", "PRIVATE"))
                .send();
        assertProblem(
                bob.browser()
                        .get("/api/preferences/members/" + ann.id() + "/ratings")
                        .send(),
                403);
        eventually(
                VISIBILITY_CATCH_UP,
                () -> bob.browser()
                        .get("/api/activities/users/" + ann.id())
                        .send()
                        .status(),
                status -> status == 403,
                "Ann's activity hidden from Bob");
        eventually(
                VISIBILITY_CATCH_UP,
                () -> friendsNamedOnSummary(bob, movie),
                List::isEmpty,
                "Ann no longer named on Bob's summary of the movie");

        ann.browser()
                .patch("/api/users/me")
                .json(Map.of("visibility", "PUBLIC"))
                .send();
        assertThat(browser()
                        .get("/api/preferences/members/" + ann.id() + "/ratings")
                        .send()
                        .status())
                .isEqualTo(200);
        eventually(
                VISIBILITY_CATCH_UP,
                () -> browser().get("/api/activities/users/" + ann.id()).send().status(),
                status -> status == 200,
                "Ann's activity open to visitors");
    }

    /** The ids of the friends a movie's summary names to the member. */
    private static List<Long> friendsNamedOnSummary(Member member, long movie) {
        return member.browser()
                .get("/api/preferences/movies/" + movie + "/summary")
                .send()
                .json()
                .path("friends")
                .valueStream()
                .map(friend -> friend.path("user").path("id").asLong())
                .toList();
    }

    @Test
    void aLikeAndACommentOnAFriendsRatingReachThemAsNotifications() {
        Member ann = join("Rater");
        Member bob = join("Liker");
        befriend(ann, bob);
        long movie = movieIds(1).get(0);
        assertThat(rate(ann, movie, 5.0).status()).isEqualTo(201);
        JsonNode activity = eventually(
                        FEW_SECONDS,
                        () -> SocialLoopIT.ratingsOf(allActivities(bob, "/api/activities/feed"), ann),
                        items -> !items.isEmpty(),
                        "Ann's rating in Bob's feed")
                .get(0);
        long id = activity.path("id").asLong();

        assertThat(bob.browser().put("/api/activities/" + id + "/like").send().status())
                .isEqualTo(204);
        ApiResponse comment = bob.browser()
                .post("/api/activities/" + id + "/comments")
                .json(Map.of("text", "Agreed!"))
                .send();
        assertThat(comment.status()).as("%s", comment).isEqualTo(201);
        assertProblem(
                bob.browser()
                        .post("/api/activities/" + id + "/comments")
                        .withoutCsrf()
                        .json(Map.of("text", "Forged"))
                        .send(),
                403);

        JsonNode seen = SocialLoopIT.ratingsOf(allActivities(bob, "/api/activities/feed"), ann)
                .get(0);
        assertThat(seen.path("likeCount").asInt()).isEqualTo(1);
        assertThat(seen.path("commentCount").asInt()).isEqualTo(1);
        assertThat(seen.path("likedByMe").asBoolean()).isTrue();

        JsonNode notifications =
                ann.browser().get("/api/activities/notifications").send().json();
        assertThat(notifications
                        .path("items")
                        .valueStream()
                        .map(n -> n.path("type").asString()))
                .contains("COMMENTED", "LIKED");
        assertThat(notifications.path("unreadCount").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(ann.browser()
                        .post("/api/activities/notifications/read")
                        .json(Map.of())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(ann.browser()
                        .get("/api/activities/notifications")
                        .send()
                        .json()
                        .path("unreadCount")
                        .asLong())
                .isZero();
    }
}
