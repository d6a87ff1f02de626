package org.cinemates.activity.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.activity.Events.befriended;
import static org.cinemates.activity.Events.rated;
import static org.cinemates.activity.Events.unfriended;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import org.cinemates.activity.IntegrationTest;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How feeds get friends and names from user-service, and what they do while it is down. */
class UserServiceOutageIT extends IntegrationTest {

    @AfterEach
    void userServiceIsBack() {
        USERS.comeBack();
        USERS.recover();
    }

    private ApiResponse feed(long member) {
        return api().get("/api/activities/feed").bearer(token(member)).send();
    }

    @Test
    void whileUserServiceIsDownTheFeedUsesTheLastKnownFriendsAndSaysSo() {
        long me = member();
        long ann = member();
        USERS.befriend(me, ann);
        deliver(rated(ann, 1, 4.0, at(1)));
        assertThat(feed(me).json().has("degraded")).isFalse();

        USERS.goDown();
        // A friendship event evicts the cached list: the next feed must ask user-service again.
        deliver(befriended(ann, me, at(2)));
        ApiResponse response = feed(me);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(types(page.path("items"))).containsExactly("BEFRIENDED", "RATED");
        assertThat(page.path("degraded").valueStream().map(JsonNode::asString)).containsExactly("user-service");
    }

    @Test
    void userServiceAnsweringWithServerErrorsCountsAsDown() {
        long me = member();
        long ann = member();
        USERS.befriend(me, ann);
        deliver(rated(ann, 1, 4.0, at(1)));
        assertThat(feed(me).status()).isEqualTo(200);

        USERS.failWith(503);
        // Someone befriends me: my cached list is evicted, user-service must be asked.
        long bob = member();
        deliver(befriended(bob, me, at(2)));
        JsonNode page = feed(me).json();

        assertThat(page.path("items")
                        .valueStream()
                        .map(item -> item.path("actor").path("id").asLong()))
                .containsExactly(bob, ann);
        assertThat(page.path("degraded").get(0).asString()).isEqualTo("user-service");
    }

    @Test
    void friendsNeverKnownWhileUserServiceIsDownIsA503() {
        long me = member();
        USERS.goDown();

        JsonNode problem = assertProblem(feed(me), 503, "dependency-unavailable");

        assertThat(problem.path("degraded").get(0).asString()).isEqualTo("user-service");
        long ann = member();
        assertProblem(
                api().get("/api/activities/users/" + ann).bearer(token(me)).send(), 503, "dependency-unavailable");
        // My own activity needs nobody's friend list.
        assertThat(api().get("/api/activities/users/" + me)
                        .bearer(token(me))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theLastKnownFriendsFollowFriendshipEventsWhileUserServiceIsDown() {
        long me = member();
        long ann = member();
        long bob = member();
        USERS.befriend(me, ann);
        deliver(rated(ann, 1, 4.0, at(1)), rated(bob, 2, 4.0, at(2)));
        assertThat(feed(me).json().path("items").size()).isEqualTo(1);

        USERS.goDown();
        deliver(unfriended(me, ann, at(3)), befriended(bob, me, at(4)));
        JsonNode page = feed(me).json();

        assertThat(page.path("items")
                        .valueStream()
                        .map(item -> item.path("actor").path("id").asLong()))
                .containsExactly(bob, bob);
        assertThat(page.path("degraded").get(0).asString()).isEqualTo("user-service");
    }

    @Test
    void namesUnknownHereAreFetchedFromUserServiceInOneCallAndKept() {
        long me = member();
        long ann = member();
        long bob = member();
        long cat = member();
        USERS.join(ann, "ann" + ann, "Ann From User Service");
        USERS.befriend(me, ann);
        USERS.befriend(me, bob);
        deliver(rated(ann, 1, 4.0, at(1)), befriended(bob, cat, at(2)));
        int callsBefore = USERS.profileCalls();

        JsonNode items = feed(me).json().path("items");

        assertThat(USERS.profileCalls() - callsBefore).isEqualTo(1);
        assertThat(USERS.profileQueries().get(USERS.profileQueries().size() - 1).split(","))
                .containsExactlyInAnyOrder(Long.toString(bob), Long.toString(cat), Long.toString(ann));
        assertThat(items.get(0).path("actor").path("username").asString()).isEqualTo("user" + bob);
        assertThat(items.get(0).path("friend").path("displayName").asString()).isEqualTo("User " + cat);
        assertThat(items.get(1).path("actor").path("displayName").asString()).isEqualTo("Ann From User Service");

        JsonNode again = feed(me).json();
        assertThat(USERS.profileCalls() - callsBefore).as("names are kept").isEqualTo(1);
        assertThat(again.path("items").get(1).path("actor").path("displayName").asString())
                .isEqualTo("Ann From User Service");
    }

    @Test
    void namesThatCannotBeFetchedAreNullAndTheAnswerSaysSo() {
        long me = member();
        long ann = member();
        USERS.befriend(me, ann);
        deliver(rated(ann, 1, 4.0, at(1)));
        assertThat(feed(me).json().has("degraded")).isFalse(); // my friends and Ann's name are known now
        long dan = member();
        deliver(befriended(ann, dan, at(2)));

        USERS.failWith(500);
        JsonNode page = feed(me).json();

        JsonNode newest = page.path("items").get(0);
        assertThat(newest.path("type").asString()).isEqualTo("BEFRIENDED");
        assertThat(newest.path("actor").path("username").asString()).isEqualTo("user" + ann);
        assertThat(newest.path("friend").path("id").asLong()).isEqualTo(dan);
        assertThat(newest.path("friend").has("username")).isTrue();
        assertThat(newest.path("friend").path("username").isNull()).isTrue();
        assertThat(newest.path("friend").path("displayName").isNull()).isTrue();
        assertThat(page.path("degraded").valueStream().map(JsonNode::asString)).containsExactly("user-service");
    }
}
