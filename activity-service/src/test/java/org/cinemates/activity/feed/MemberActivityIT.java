package org.cinemates.activity.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.activity.Events.rated;
import static org.cinemates.activity.Events.watchlisted;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import org.cinemates.activity.IntegrationTest;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/activities/users/{userId}: my own activity and my friends', nobody else's. */
class MemberActivityIT extends IntegrationTest {

    private ApiResponse activityOf(long userId, long asMember, String query) {
        return api().get("/api/activities/users/" + userId + query)
                .bearer(token(asMember))
                .send();
    }

    @Test
    void iSeeMyOwnActivity() {
        long me = member();
        deliver(rated(me, 1, 4.0, at(1)), watchlisted(me, 2, at(2)));

        ApiResponse response = activityOf(me, me, "");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(types(response.json().path("items"))).containsExactly("WATCHLISTED", "RATED");
        assertThat(USERS.friendIdCalls(me)).as("no need to ask for my friends").isZero();
    }

    @Test
    void iSeeAFriendsActivityPageByPage() {
        long me = member();
        long ann = member();
        USERS.befriend(me, ann);
        deliver(rated(ann, 1, 4.0, at(1)), rated(ann, 2, 4.0, at(2)), rated(ann, 3, 4.0, at(3)));

        JsonNode first = activityOf(ann, me, "?limit=2").json();
        JsonNode second = activityOf(
                        ann, me, "?limit=2&before=" + first.path("nextCursor").asString())
                .json();

        assertThat(first.path("items")
                        .valueStream()
                        .map(item -> item.path("movieId").asLong()))
                .containsExactly(3L, 2L);
        assertThat(second.path("items")
                        .valueStream()
                        .map(item -> item.path("movieId").asLong()))
                .containsExactly(1L);
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aStrangersActivityIsForbidden() {
        long me = member();
        long stranger = member();
        deliver(rated(stranger, 1, 4.0, at(1)));

        assertProblem(activityOf(stranger, me, ""), 403, "not-a-friend");
    }

    @Test
    void refusesIdsThatAreNotMemberIds() {
        long me = member();
        for (String id : new String[] {"abc", "0", "-5", "1.5", "99999999999999999999"}) {
            ApiResponse response =
                    api().get("/api/activities/users/" + id).bearer(token(me)).send();
            assertProblem(response, 400, "validation");
        }
        assertProblem(api().get("/api/activities/users/1").send(), 401, "unauthenticated");
    }

    @Test
    void refusesBadLimitsAndCursorsHereToo() {
        long me = member();
        assertProblem(activityOf(me, me, "?limit=0"), 400, "validation");
        assertProblem(activityOf(me, me, "?limit=101"), 400, "validation");
        assertProblem(activityOf(me, me, "?before=nope"), 400, "validation");
    }
}
