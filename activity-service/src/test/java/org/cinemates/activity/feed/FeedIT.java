package org.cinemates.activity.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.activity.Events.batch;
import static org.cinemates.activity.Events.befriended;
import static org.cinemates.activity.Events.joined;
import static org.cinemates.activity.Events.profileUpdated;
import static org.cinemates.activity.Events.rated;
import static org.cinemates.activity.Events.ratingDeleted;
import static org.cinemates.activity.Events.reviewed;
import static org.cinemates.activity.Events.watchlisted;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinemates.activity.IntegrationTest;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** GET /api/activities/feed: my friends' activities, newest first, page by page. */
class FeedIT extends IntegrationTest {

    private ApiResponse feed(long member, String query) {
        return api().get("/api/activities/feed" + query).bearer(token(member)).send();
    }

    @Test
    void showsMyFriendsActivitiesNewestFirstAndNothingOfMineOrStrangers() {
        long me = member();
        long ann = member();
        long bob = member();
        long stranger = member();
        USERS.befriend(me, ann);
        USERS.befriend(me, bob);
        deliver(
                rated(ann, 1, 4.0, at(10)),
                watchlisted(bob, 2, at(30)),
                reviewed(ann, 3, 5.0, "A classic", at(20)),
                rated(me, 4, 3.0, at(40)),
                rated(stranger, 5, 2.0, at(50)),
                befriended(stranger, ann, at(60)));

        ApiResponse response = feed(me, "");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(types(page.path("items"))).containsExactly("WATCHLISTED", "REVIEWED", "RATED");
        assertThat(page.path("items")
                        .valueStream()
                        .map(item -> item.path("actor").path("id").asLong()))
                .containsExactly(bob, ann, ann);
        assertThat(page.path("nextCursor").isNull()).isTrue();
        assertThat(page.has("degraded")).isFalse();
    }

    @Test
    void describesEachActivityWithEveryoneNamed() {
        long me = member();
        long ann = member();
        long bob = member();
        USERS.befriend(me, ann);
        deliver(
                joined(ann, "ann_" + ann, "Ann Example", at(0)),
                reviewed(ann, 42, 4.5, "Loved it", at(10)),
                befriended(ann, bob, at(20)));

        JsonNode items = feed(me, "").json().path("items");

        JsonNode friendship = items.get(0);
        assertThat(friendship.path("type").asString()).isEqualTo("BEFRIENDED");
        assertThat(friendship.path("friend").path("id").asLong()).isEqualTo(bob);
        assertThat(friendship.path("friend").path("username").asString()).isEqualTo("user" + bob);
        assertThat(friendship.path("friend").path("displayName").asString()).isEqualTo("User " + bob);
        assertThat(friendship.has("movieId")).isFalse();
        assertThat(friendship.has("score")).isFalse();
        JsonNode review = items.get(1);
        assertThat(review.path("id").asLong()).isPositive();
        assertThat(review.path("type").asString()).isEqualTo("REVIEWED");
        assertThat(review.path("actor").path("id").asLong()).isEqualTo(ann);
        assertThat(review.path("actor").path("username").asString()).isEqualTo("ann_" + ann);
        assertThat(review.path("actor").path("displayName").asString()).isEqualTo("Ann Example");
        assertThat(review.path("movieId").asLong()).isEqualTo(42);
        assertThat(review.path("score").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(review.path("review").asString()).isEqualTo("Loved it");
        assertThat(review.has("friend")).isFalse();
        assertThat(review.path("createdAt").asString()).isEqualTo(at(10).toString());
        assertThat(items.get(2).path("type").asString()).isEqualTo("JOINED");
    }

    @Test
    void namesReadLatelyComeFromMemoryUntilAnEventRenamesThem(@Autowired JdbcClient db) {
        long me = member();
        long ann = member();
        USERS.befriend(me, ann);
        deliver(joined(ann, "ann_" + ann, "Ann", at(0)), rated(ann, 1, 4.0, at(10)));
        assertThat(actorNames(me)).containsOnly("Ann");

        // As another instance storing a rename does: this one goes on naming her from memory.
        db.sql("update actors set display_name = 'Ann Elsewhere' where id = :id")
                .param("id", ann)
                .update();
        assertThat(actorNames(me)).as("names read lately, without a query").containsOnly("Ann");

        deliver(profileUpdated(ann, "ann_" + ann, "Ann Renamed", at(20)));
        assertThat(actorNames(me)).as("a rename received here shows at once").containsOnly("Ann Renamed");
    }

    private List<String> actorNames(long member) {
        return feed(member, "")
                .json()
                .path("items")
                .valueStream()
                .map(item -> item.path("actor").path("displayName").asString())
                .toList();
    }

    @Test
    void pagesNeverRepeatOrSkipEvenWhileNewActivitiesArrive() {
        long me = member();
        List<Long> friends = List.of(member(), member(), member());
        friends.forEach(friend -> USERS.befriend(me, friend));
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            long friend = friends.get(i % 3);
            // Several activities share a moment: the order among them is by id.
            events.add(rated(friend, 1000 + i, 4.0, at(100 + i / 3)));
        }
        deliverBatch(batch(events));

        List<Long> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        int newMovie = 5000;
        do {
            JsonNode page = feed(me, "?limit=5" + (cursor != null ? "&before=" + cursor : ""))
                    .json();
            page.path("items").forEach(item -> seen.add(item.path("id").asLong()));
            pageSizes.add(page.path("items").size());
            cursor = page.path("nextCursor").isNull()
                    ? null
                    : page.path("nextCursor").asString();
            // Newer activity arrives between pages; it belongs before the first page.
            deliver(rated(friends.get(0), newMovie++, 3.0, at(1000 + newMovie)));
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(5, 5, 5, 5, 3);
        assertThat(new HashSet<>(seen)).hasSize(23);
        List<Long> expected = feed(me, "?limit=100")
                .json()
                .path("items")
                .valueStream()
                .map(item -> item.path("id").asLong())
                .filter(id -> seen.contains(id))
                .toList();
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void activityOlderThanThePageReadSoFarArrivingLateShowsFurtherDown() {
        long me = member();
        long ann = member();
        USERS.befriend(me, ann);
        deliver(rated(ann, 1, 4.0, at(30)), rated(ann, 2, 4.0, at(20)), rated(ann, 3, 4.0, at(10)));
        JsonNode first = feed(me, "?limit=1").json();
        assertThat(first.path("items").get(0).path("movieId").asLong()).isEqualTo(1);

        deliver(rated(ann, 4, 4.0, at(15)));
        Set<Long> movies = new HashSet<>();
        String cursor = first.path("nextCursor").asString();
        while (cursor != null) {
            JsonNode page = feed(me, "?limit=1&before=" + cursor).json();
            page.path("items").forEach(item -> movies.add(item.path("movieId").asLong()));
            cursor = page.path("nextCursor").isNull()
                    ? null
                    : page.path("nextCursor").asString();
        }
        assertThat(movies).containsExactlyInAnyOrder(2L, 4L, 3L);
    }

    @Test
    void aRemovedActivityNeverShortensAPage() {
        long me = member();
        long ann = member();
        long bob = member();
        long cat = member();
        List.of(ann, bob, cat).forEach(friend -> USERS.befriend(me, friend));
        deliver(
                rated(ann, 1, 4.0, at(30)),
                rated(bob, 2, 4.0, at(20)),
                rated(bob, 3, 4.0, at(10)),
                rated(cat, 4, 4.0, at(15)),
                rated(cat, 5, 4.0, at(5)));
        deliver(ratingDeleted(ann, 1, at(40)));

        JsonNode first = feed(me, "?limit=2").json();
        JsonNode second = feed(me, "?limit=2&before=" + first.path("nextCursor").asString())
                .json();

        assertThat(first.path("items")
                        .valueStream()
                        .map(item -> item.path("movieId").asLong()))
                .containsExactly(2L, 4L);
        assertThat(second.path("items")
                        .valueStream()
                        .map(item -> item.path("movieId").asLong()))
                .containsExactly(3L, 5L);
    }

    @Test
    void refusesLimitsOutsideOneToAHundred() {
        long me = member();
        for (String limit : List.of("0", "101", "abc", "-1", "1.5")) {
            JsonNode problem = assertProblem(feed(me, "?limit=" + limit), 400, "validation");
            assertThat(problem.path("errors").get(0).path("field").asString())
                    .as("limit=%s", limit)
                    .isEqualTo("limit");
        }
        assertThat(feed(me, "?limit=1").status()).isEqualTo(200);
        assertThat(feed(me, "?limit=100").status()).isEqualTo(200);
    }

    @Test
    void refusesACursorItDidNotMake() {
        long me = member();
        for (String cursor : List.of("abc", "!!!", "AAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAA")) {
            JsonNode problem = assertProblem(feed(me, "?before=" + cursor), 400, "validation");
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("before");
        }
        // Not even UTF-8 once percent-decoded.
        assertProblem(feed(me, "?before=%FF"), 400, "validation");
    }

    @Test
    void needsAMember() {
        assertProblem(api().get("/api/activities/feed").send(), 401, "unauthenticated");
        assertProblem(api().get("/api/activities/feed").bearer("not-a-token").send(), 401);
    }

    @Test
    void acceptsTheAccessTokenCookieOfABrowser() {
        long me = member();
        long ann = member();
        USERS.befriend(me, ann);
        deliver(rated(ann, 1, 4.0, at(1)));

        ApiResponse response = api().get("/api/activities/feed")
                .cookies("access_token=" + token(me))
                .send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("items").size()).isEqualTo(1);
    }

    @Test
    void aMemberWithoutFriendsHasAnEmptyFeed() {
        long loner = member();
        JsonNode page = feed(loner, "").json();
        assertThat(page.path("items").size()).isZero();
        assertThat(page.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aNewFriendshipShowsInTheFeedAtOnce() {
        long me = member();
        long ann = member();
        deliver(rated(ann, 1, 4.0, at(1)));
        assertThat(feed(me, "").json().path("items").size()).isZero();

        USERS.befriend(me, ann);
        deliver(befriended(ann, me, at(2)));

        assertThat(types(feed(me, "").json().path("items"))).containsExactly("BEFRIENDED", "RATED");
    }
}
