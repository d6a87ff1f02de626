package org.cinemates.activity.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.activity.Events.listed;
import static org.cinemates.activity.Events.profileUpdated;
import static org.cinemates.activity.Events.rated;
import static org.cinemates.activity.Events.watchlisted;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.stream.Stream;
import org.cinemates.activity.IntegrationTest;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/activities/users/{userId}: my own activity always, and others' as their visibility
 * allows (FRIENDS, the default: my friends' only).
 */
class MemberActivityIT extends IntegrationTest {

    enum Who {
        OWNER,
        FRIEND,
        STRANGER,
        ANONYMOUS
    }

    static Stream<Arguments> visibilities() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String visibility : new String[] {"PUBLIC", "FRIENDS", "PRIVATE"}) {
            for (Who who : Who.values()) {
                boolean shown = switch (visibility) {
                    case "PUBLIC" -> true;
                    case "FRIENDS" -> who == Who.OWNER || who == Who.FRIEND;
                    default -> who == Who.OWNER;
                };
                cases.add(Arguments.of(visibility, who, shown));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "a {0} member's activity, to the {1}: shown {2}")
    @MethodSource("visibilities")
    void aMembersActivityIsShownAsTheirVisibilitySays(String visibility, Who who, boolean shown) {
        long owner = member();
        long friend = member();
        long stranger = member();
        USERS.befriend(owner, friend);
        USERS.visibility(owner, visibility);
        deliver(rated(owner, 1, 4.0, at(1)));

        var call = api().get("/api/activities/users/" + owner);
        ApiResponse response = switch (who) {
            case OWNER -> call.bearer(token(owner)).send();
            case FRIEND -> call.bearer(token(friend)).send();
            case STRANGER -> call.bearer(token(stranger)).send();
            case ANONYMOUS -> call.send();
        };

        if (shown) {
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            assertThat(types(response.json().path("items"))).containsExactly("RATED");
        } else {
            assertThat(response.status()).as("%s", response).isEqualTo(403);
            assertThat(response.json().path("items").isMissingNode()).isTrue();
        }
    }

    @ParameterizedTest(name = "a PUBLIC member's list for friends, to the {0}: shown {1}")
    @CsvSource({"OWNER, true", "FRIEND, true", "STRANGER, false", "ANONYMOUS, false"})
    void aListForFriendsStaysWithFriendsWhenTheRestIsPublic(Who who, boolean shown) {
        long owner = member();
        long friend = member();
        long stranger = member();
        USERS.befriend(owner, friend);
        USERS.visibility(owner, "PUBLIC");
        deliver(
                rated(owner, 1, 4.0, at(1)),
                listed(owner, 70, "For friends", "FRIENDS", at(2)),
                listed(owner, 71, "For everyone", "PUBLIC", at(3)));

        var call = api().get("/api/activities/users/" + owner);
        ApiResponse response = switch (who) {
            case OWNER -> call.bearer(token(owner)).send();
            case FRIEND -> call.bearer(token(friend)).send();
            case STRANGER -> call.bearer(token(stranger)).send();
            case ANONYMOUS -> call.send();
        };

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        var lists = response.json()
                .path("items")
                .valueStream()
                .filter(item -> item.path("type").asString().equals("LISTED"))
                .map(item -> item.path("list").path("name").asString())
                .toList();
        if (shown) {
            assertThat(lists).containsExactly("For everyone", "For friends");
        } else {
            assertThat(lists).containsExactly("For everyone");
        }
        assertThat(types(response.json().path("items"))).contains("RATED");
    }

    @Test
    void aFriendWhoShowsNothingIsLeftOutOfTheFeedAndBackWhenTheyChooseAgain() {
        long me = member();
        long open = member();
        long hidden = member();
        USERS.befriend(me, open);
        USERS.befriend(me, hidden);
        USERS.visibility(hidden, "PRIVATE");
        deliver(rated(open, 1, 4.0, at(1)), rated(hidden, 2, 4.0, at(2)));

        assertThat(actorsOfFeed(me)).containsExactly(open);

        USERS.visibility(hidden, "FRIENDS");
        assertThat(actorsOfFeed(me)).as("the choice is remembered a while").containsExactly(open);
        // user-service tells of the change with a PROFILE_UPDATED.
        deliver(profileUpdated(hidden, "user" + hidden, "User " + hidden, at(3)));
        assertThat(actorsOfFeed(me)).containsExactly(hidden, open);
    }

    private java.util.List<Long> actorsOfFeed(long member) {
        ApiResponse response =
                api().get("/api/activities/feed").bearer(token(member)).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json()
                .path("items")
                .valueStream()
                .map(item -> item.path("actor").path("id").asLong())
                .toList();
    }

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
        // A visitor without an account may read only public activity; member 1 made none public.
        assertProblem(api().get("/api/activities/users/1").send(), 403, "not-shown");
        assertProblem(api().get("/api/activities/users/1").bearer("not-a-token").send(), 401, "invalid-token");
    }

    @Test
    void refusesBadLimitsAndCursorsHereToo() {
        long me = member();
        assertProblem(activityOf(me, me, "?limit=0"), 400, "validation");
        assertProblem(activityOf(me, me, "?limit=101"), 400, "validation");
        assertProblem(activityOf(me, me, "?before=nope"), 400, "validation");
    }
}
