package org.cinemates.preference.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.FakeService;
import org.cinemates.preference.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A movie's summary: everybody's average, my score and my friends' scores. */
class MovieSummaryIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "preferences");
    }

    private void rate(Member member, long movieId, double score) {
        ApiResponse response = api().put("/api/preferences/ratings/" + movieId)
                .bearer(member.token())
                .json(Map.of("score", score))
                .send();
        assertThat(response.status()).as("%s", response).isIn(200, 201);
    }

    /** The calls asking user-service for members' profiles. */
    private static List<FakeService.Request> profileCalls() {
        return USERS.requests().stream()
                .filter(r -> r.path().equals("/internal/users"))
                .toList();
    }

    /** user-service's relay tells of a new name or visibility. */
    private void profileUpdated(Member member) {
        ApiResponse answer = deliver(Map.of(
                "events",
                List.of(event(
                        "PROFILE_UPDATED",
                        member.id(),
                        Map.of("username", member.username(), "displayName", "Any name")))));
        assertThat(answer.json().path("handled").asInt()).as("%s", answer).isEqualTo(1);
    }

    private ApiResponse summary(Member member, long movieId) {
        return api().get("/api/preferences/movies/" + movieId + "/summary")
                .bearer(member.token())
                .send();
    }

    @Test
    void summarisesEveryonesScoresMineAndMyFriends() {
        Member me = member("Me");
        Member fan = member("Fan");
        Member doubter = member("Doubter");
        Member idle = member("Idle");
        Member stranger = member("Stranger");
        USERS.befriend(me.id(), fan.id());
        USERS.befriend(me.id(), doubter.id());
        USERS.befriend(me.id(), idle.id());
        long movie = MOVIES.add("Arrival");
        rate(me, movie, 4.0);
        rate(fan, movie, 4.5);
        rate(doubter, movie, 3.0);
        rate(stranger, movie, 1.0);
        USERS.forgetRequests();

        ApiResponse response = summary(me, movie);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode summary = response.json();
        assertThat(summary.path("movieId").asLong()).isEqualTo(movie);
        assertThat(summary.path("count").asLong()).isEqualTo(4);
        assertThat(summary.path("average").decimalValue()).isEqualByComparingTo("3.13"); // 12.5 / 4
        assertThat(summary.path("myScore").asDouble()).isEqualTo(4.0);
        assertThat(summary.has("degraded")).isFalse();
        JsonNode friends = summary.path("friends");
        assertThat(friends.size()).isEqualTo(2);
        assertThat(friends.get(0).path("user").path("id").asLong()).isEqualTo(fan.id());
        assertThat(friends.get(0).path("user").path("username").asString()).isEqualTo(fan.username());
        assertThat(friends.get(0).path("user").path("displayName").asString()).isEqualTo("The Fan");
        assertThat(friends.get(0).path("user").has("bio")).isFalse();
        assertThat(friends.get(0).path("score").asDouble()).isEqualTo(4.5);
        assertThat(friends.get(1).path("user").path("id").asLong()).isEqualTo(doubter.id());
        assertThat(friends.get(1).path("score").asDouble()).isEqualTo(3.0);
        List<FakeService.Request> profileCalls = profileCalls();
        assertThat(profileCalls).hasSize(1);
        assertThat(Arrays.stream(Objects.requireNonNull(profileCalls.get(0).param("ids"))
                                .split(","))
                        .map(Long::parseLong)
                        .toList())
                .as("profiles only of friends who rated it")
                .containsExactlyInAnyOrder(fan.id(), doubter.id());

        JsonNode theirs = summary(stranger, movie).json();
        assertThat(theirs.path("myScore").asDouble()).isEqualTo(1.0);
        assertThat(theirs.path("friends").size()).isZero();
        assertThat(theirs.path("count").asLong()).isEqualTo(4);
    }

    @Test
    void aMovieNobodyRatedHasNoAverage() {
        Member me = member("First");
        long movie = MOVIES.add("Obscure");

        JsonNode summary = summary(me, movie).json();

        assertThat(summary.path("count").asLong()).isZero();
        assertThat(summary.path("average").isNull()).isTrue();
        assertThat(summary.path("myScore").isNull()).isTrue();
        assertThat(summary.path("friends").size()).isZero();
    }

    @Test
    void anUnknownMovieHasNoSummary() {
        assertProblem(summary(member("Lost"), MOVIES.unknownId()), 404, "movie-not-found");
    }

    @Test
    void withoutUserServiceTheSummaryHasNoFriendsAndSaysSo() {
        Member me = member("Lonely");
        Member friend = member("Away");
        USERS.befriend(me.id(), friend.id());
        long movie = MOVIES.add("Together");
        rate(me, movie, 5.0);
        rate(friend, movie, 4.0);

        for (Runnable outage : List.<Runnable>of(USERS::stop, USERS::failing, USERS::slow)) {
            allUp();
            outage.run();
            ApiResponse response = summary(me, movie);

            assertThat(response.status()).as("%s", response).isEqualTo(200);
            JsonNode summary = response.json();
            assertThat(summary.path("degraded")
                            .valueStream()
                            .map(JsonNode::asString)
                            .toList())
                    .containsExactly("user-service");
            assertThat(summary.path("friends").size()).isZero();
            assertThat(summary.path("count").asLong()).isEqualTo(2);
            assertThat(summary.path("average").decimalValue()).isEqualByComparingTo("4.50");
            assertThat(summary.path("myScore").asDouble()).isEqualTo(5.0);
        }
    }

    @Test
    void withoutMovieServiceTheSummaryAnswersWithWhatItHas() {
        Member me = member("Unsure");
        long movie = MOVIES.add("Unchecked");
        storeRating(me, movie, 2.5, java.time.Instant.now());

        MOVIES.stop();
        ApiResponse response = summary(me, movie);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode summary = response.json();
        assertThat(summary.path("degraded")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("movie-service");
        assertThat(summary.path("count").asLong()).isEqualTo(1);
        assertThat(summary.path("myScore").asDouble()).isEqualTo(2.5);
    }

    @Test
    void withNeitherServiceBothAreNamed() {
        Member me = member("Alone");
        long movie = MOVIES.add("Nobody home");
        MOVIES.stop();
        USERS.stop();

        JsonNode summary = summary(me, movie).json();

        assertThat(summary.path("degraded")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("movie-service", "user-service");
    }

    @Test
    void theFriendListNamesFriendsForTwoSecondsThenIsAskedAgain() throws InterruptedException {
        Member me = member("Regular");
        Member old = member("OldFriend");
        Member fresh = member("NewFriend");
        USERS.befriend(me.id(), old.id());
        long movie = MOVIES.add("Stalker");
        rate(old, movie, 4.0);
        rate(fresh, movie, 5.0);
        assertThat(summary(me, movie).json().path("friends").size()).isEqualTo(1);
        USERS.forgetRequests();
        USERS.befriend(me.id(), fresh.id());

        long askedAt = System.nanoTime();
        JsonNode again = summary(me, movie).json();
        if (System.nanoTime() - askedAt < 1_500_000_000L) {
            assertThat(again.path("friends").size())
                    .as("the list of a moment ago")
                    .isEqualTo(1);
            assertThat(USERS.requests().stream().filter(r -> r.path().endsWith("/friend-ids")))
                    .isEmpty();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        int named;
        do {
            Thread.sleep(200);
            named = summary(me, movie).json().path("friends").size();
        } while (named < 2 && System.nanoTime() < deadline);
        assertThat(named).as("the new friend, once the list is asked again").isEqualTo(2);
    }

    @Test
    void aFriendWhoKeepsTheirRatingsPrivateIsCountedButNotNamed() {
        Member me = member("Curious");
        Member open = member("Open");
        Member secret = member("Secret");
        USERS.befriend(me.id(), open.id());
        USERS.befriend(me.id(), secret.id());
        long movie = MOVIES.add("Solaris");
        rate(open, movie, 4.0);
        rate(secret, movie, 2.0);
        USERS.visibility(secret.id(), "PRIVATE");
        USERS.visibility(open.id(), "PUBLIC");

        JsonNode summary = summary(me, movie).json();

        assertThat(summary.path("count").asLong()).isEqualTo(2);
        assertThat(summary.path("average").asDouble()).isEqualTo(3.0);
        assertThat(summary.path("friends").size()).isEqualTo(1);
        assertThat(summary.path("friends").get(0).path("user").path("id").asLong())
                .isEqualTo(open.id());
        assertThat(summary.path("friends").get(0).path("user").has("visibility"))
                .isFalse();

        USERS.visibility(secret.id(), "FRIENDS");
        profileUpdated(secret);
        assertThat(summary(me, movie).json().path("friends").size()).isEqualTo(2);
    }

    @Test
    void friendsAreNamedFromMemoryUntilUserServiceTellsOfAChange() {
        Member me = member("Regular");
        Member friend = member("Changeable");
        USERS.befriend(me.id(), friend.id());
        long movie = MOVIES.add("Tampopo");
        rate(friend, movie, 4.5);
        assertThat(summary(me, movie).json().path("friends").size()).isEqualTo(1);
        USERS.forgetRequests();

        USERS.register(friend.id(), friend.username(), "The Renamed");
        USERS.visibility(friend.id(), "PRIVATE");
        JsonNode remembered = summary(me, movie).json();

        assertThat(remembered.path("friends").size())
                .as("named as user-service gave them a moment ago")
                .isEqualTo(1);
        assertThat(remembered
                        .path("friends")
                        .get(0)
                        .path("user")
                        .path("displayName")
                        .asString())
                .isEqualTo("The Changeable");
        assertThat(profileCalls()).isEmpty();

        profileUpdated(friend);
        JsonNode told = summary(me, movie).json();

        assertThat(told.path("friends").size())
                .as("user-service told of a change: asked again, and now PRIVATE")
                .isZero();
        assertThat(told.path("count").asLong()).isEqualTo(1);
        assertThat(profileCalls()).hasSize(1);

        USERS.visibility(friend.id(), "FRIENDS");
        profileUpdated(friend);
        assertThat(summary(me, movie)
                        .json()
                        .path("friends")
                        .get(0)
                        .path("user")
                        .path("displayName")
                        .asString())
                .isEqualTo("The Renamed");
    }

    @Test
    void aFriendWhoseAccountIsGoneIsLeftOut() {
        Member me = member("Survivor");
        Member gone = member("Gone");
        USERS.befriend(me.id(), gone.id());
        long movie = MOVIES.add("Memories");
        rate(gone, movie, 3.5);
        USERS.forget(gone.id());

        JsonNode summary = summary(me, movie).json();

        assertThat(summary.path("friends").size()).isZero();
        assertThat(summary.path("count").asLong()).isEqualTo(1);
        assertThat(summary.has("degraded")).isFalse();
    }
}
