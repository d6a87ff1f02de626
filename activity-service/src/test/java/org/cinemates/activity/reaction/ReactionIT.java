package org.cinemates.activity.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.activity.Events.event;
import static org.cinemates.activity.Events.rated;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.Map;
import org.cinemates.activity.IntegrationTest;
import org.cinemates.platform.events.AccountDeleted;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Likes and comments: only on activities I may see, counted in every page, deleted by the right people. */
class ReactionIT extends IntegrationTest {

    private long activityOf(long actor, long viewer) {
        ApiResponse page = api().get("/api/activities/users/" + actor)
                .bearer(token(viewer))
                .send();
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json().path("items").get(0).path("id").asLong();
    }

    private ApiResponse like(long member, long activity) {
        return api().put("/api/activities/" + activity + "/like")
                .bearer(token(member))
                .send();
    }

    private ApiResponse comment(long member, long activity, String text) {
        return api().post("/api/activities/" + activity + "/comments")
                .bearer(token(member))
                .json(Map.of("text", text))
                .send();
    }

    private JsonNode firstOfFeed(long member) {
        ApiResponse feed =
                api().get("/api/activities/feed").bearer(token(member)).send();
        assertThat(feed.status()).as("%s", feed).isEqualTo(200);
        return feed.json().path("items").get(0);
    }

    @Test
    void likesAreCountedOncePerMemberAndShownInTheFeed() {
        long ann = member();
        long bob = member();
        long cat = member();
        USERS.befriend(ann, bob);
        USERS.befriend(ann, cat);
        deliver(rated(ann, 1, 4.5, at(1)));
        long activity = activityOf(ann, ann);

        assertThat(like(bob, activity).status()).isEqualTo(204);
        assertThat(like(bob, activity).status()).as("once is enough").isEqualTo(204);
        assertThat(like(cat, activity).status()).isEqualTo(204);

        JsonNode seenByBob = firstOfFeed(bob);
        assertThat(seenByBob.path("likeCount").asInt()).isEqualTo(2);
        assertThat(seenByBob.path("commentCount").asInt()).isZero();
        assertThat(seenByBob.path("likedByMe").asBoolean()).isTrue();

        assertThat(api().delete("/api/activities/" + activity + "/like")
                        .bearer(token(bob))
                        .send()
                        .status())
                .isEqualTo(204);
        JsonNode afterwards = firstOfFeed(bob);
        assertThat(afterwards.path("likeCount").asInt()).isEqualTo(1);
        assertThat(afterwards.path("likedByMe").asBoolean()).isFalse();
    }

    @Test
    void onlyActivitiesIMaySeeCanBeLikedOrCommented() {
        long ann = member();
        long stranger = member();
        long friend = member();
        USERS.befriend(ann, friend);
        deliver(rated(ann, 1, 4.5, at(1)));
        long activity = activityOf(ann, ann);

        assertProblem(like(stranger, activity), 404, "activity-not-found");
        assertProblem(comment(stranger, activity, "Hello"), 404, "activity-not-found");
        assertProblem(
                api().get("/api/activities/" + activity + "/comments")
                        .bearer(token(stranger))
                        .send(),
                404,
                "activity-not-found");
        assertProblem(like(friend, 987_654_321L), 404, "activity-not-found");

        USERS.visibility(ann, "PUBLIC");
        long publicAnn = member();
        USERS.visibility(publicAnn, "PUBLIC");
        deliver(rated(publicAnn, 2, 3.0, at(2)));
        assertThat(like(stranger, activityOf(publicAnn, stranger)).status())
                .as("a public member's activity is anyone's to like")
                .isEqualTo(204);

        long hidden = member();
        USERS.befriend(hidden, friend);
        deliver(rated(hidden, 3, 3.0, at(3)));
        long hiddenActivity = activityOf(hidden, hidden);
        USERS.visibility(hidden, "PRIVATE");
        // user-service tells of the new visibility with a PROFILE_UPDATED.
        deliver(org.cinemates.activity.Events.profileUpdated(hidden, "user" + hidden, "User " + hidden, at(4)));
        assertProblem(like(friend, hiddenActivity), 404, "activity-not-found");
        assertProblem(api().put("/api/activities/" + activity + "/like").send(), 401);

        // A list for friends only, on a public member's page: theirs to like, not a stranger's.
        long openBob = member();
        long bobsFriend = member();
        USERS.visibility(openBob, "PUBLIC");
        USERS.befriend(openBob, bobsFriend);
        deliver(org.cinemates.activity.Events.listed(openBob, 90, "Friends only", "FRIENDS", at(5)));
        long friendsList = activityOf(openBob, openBob);
        assertProblem(like(stranger, friendsList), 404, "activity-not-found");
        assertThat(like(bobsFriend, friendsList).status()).isEqualTo(204);
    }

    @Test
    void commentsAreListedOldestFirstAndCounted() {
        long ann = member();
        long bob = member();
        USERS.befriend(ann, bob);
        deliver(rated(ann, 1, 4.5, at(1)));
        long activity = activityOf(ann, ann);

        ApiResponse first = comment(bob, activity, "  Great pick!\nReally. ");
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.json().path("text").asString()).isEqualTo("Great pick!\nReally.");
        assertThat(first.json().path("author").path("id").asLong()).isEqualTo(bob);
        assertThat(first.json().path("author").path("username").asString()).isEqualTo("user" + bob);
        assertThat(comment(ann, activity, "Thanks").status()).isEqualTo(201);

        JsonNode comments = api().get("/api/activities/" + activity + "/comments")
                .bearer(token(bob))
                .send()
                .json()
                .path("items");
        assertThat(comments.valueStream().map(c -> c.path("text").asString()))
                .containsExactly("Great pick!\nReally.", "Thanks");
        assertThat(firstOfFeed(bob).path("commentCount").asInt()).isEqualTo(2);
    }

    @Test
    void commentsMustHoldVisibleTextOfAtMostTwoThousandCharacters() {
        long ann = member();
        deliver(rated(ann, 1, 4.5, at(1)));
        long activity = activityOf(ann, ann);

        assertProblem(comment(ann, activity, ""), 400, "validation");
        assertProblem(comment(ann, activity, " \n "), 400, "validation");
        assertProblem(comment(ann, activity, "x".repeat(2001)), 400, "validation");
        assertProblem(comment(ann, activity, "bell\u0007"), 400, "validation");
        assertProblem(
                api().post("/api/activities/" + activity + "/comments")
                        .bearer(token(ann))
                        .rawJson("{\"text\":42}")
                        .send(),
                400);
        assertThat(comment(ann, activity, "x".repeat(2000)).status()).isEqualTo(201);
    }

    @Test
    void aCommentIsDeletedByItsAuthorOrTheActivitysOwnerOnly() {
        long ann = member();
        long bob = member();
        long cat = member();
        USERS.befriend(ann, bob);
        USERS.befriend(ann, cat);
        deliver(rated(ann, 1, 4.5, at(1)));
        long activity = activityOf(ann, ann);
        long bobs = comment(bob, activity, "Bob's").json().path("id").asLong();
        long cats = comment(cat, activity, "Cat's").json().path("id").asLong();

        assertProblem(
                api().delete("/api/activities/comments/" + bobs)
                        .bearer(token(cat))
                        .send(),
                403,
                "not-your-comment");
        assertThat(api().delete("/api/activities/comments/" + bobs)
                        .bearer(token(bob))
                        .send()
                        .status())
                .as("its author")
                .isEqualTo(204);
        assertThat(api().delete("/api/activities/comments/" + cats)
                        .bearer(token(ann))
                        .send()
                        .status())
                .as("the activity's owner")
                .isEqualTo(204);
        assertProblem(
                api().delete("/api/activities/comments/" + cats)
                        .bearer(token(ann))
                        .send(),
                404,
                "comment-not-found");
        long stranger = member();
        long again = comment(bob, activity, "Again").json().path("id").asLong();
        assertProblem(
                api().delete("/api/activities/comments/" + again)
                        .bearer(token(stranger))
                        .send(),
                404,
                "comment-not-found");
    }

    @Test
    void aDeletedAccountTakesItsLikesAndCommentsAlong() {
        long ann = member();
        long bob = member();
        USERS.befriend(ann, bob);
        deliver(rated(ann, 1, 4.5, at(1)));
        long activity = activityOf(ann, ann);
        like(bob, activity);
        comment(bob, activity, "Soon gone");

        deliver(event(new AccountDeleted(bob), at(5)));

        JsonNode mine = api().get("/api/activities/users/" + ann)
                .bearer(token(ann))
                .send()
                .json();
        assertThat(mine.path("items").get(0).path("likeCount").asInt()).isZero();
        assertThat(mine.path("items").get(0).path("commentCount").asInt()).isZero();
    }
}
