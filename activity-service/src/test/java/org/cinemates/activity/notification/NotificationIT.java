package org.cinemates.activity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.activity.Events.befriended;
import static org.cinemates.activity.Events.event;
import static org.cinemates.activity.Events.rated;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.List;
import java.util.Map;
import org.cinemates.activity.IntegrationTest;
import org.cinemates.platform.events.AccountDeleted;
import org.cinemates.platform.events.FriendRequested;
import org.cinemates.platform.events.Recommended;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A member's notifications: from other services' events and from likes and comments here. */
class NotificationIT extends IntegrationTest {

    private JsonNode notifications(long member, String query) {
        ApiResponse page = api().get("/api/activities/notifications" + query)
                .bearer(token(member))
                .send();
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json();
    }

    private static List<String> noticeTypes(JsonNode page) {
        return page.path("items")
                .valueStream()
                .map(n -> n.path("type").asString())
                .toList();
    }

    @Test
    void friendRequestsAcceptancesAndRecommendationsArriveAsEventsOnce() {
        long ann = member();
        long bob = member();
        Map<String, Object> asked = event(new FriendRequested(ann, bob, 77), at(1));
        deliver(asked);
        deliver(asked); // a relay that lost the acknowledgement delivers again
        deliver(befriended(bob, ann, at(2)));
        deliver(event(new Recommended(bob, ann, 42, "Watch it"), at(3)));

        JsonNode bobs = notifications(bob, "");
        assertThat(noticeTypes(bobs)).containsExactly("FRIEND_REQUEST");
        assertThat(bobs.path("items").get(0).path("actor").path("id").asLong()).isEqualTo(ann);
        assertThat(bobs.path("items").get(0).path("actor").path("username").asString())
                .isEqualTo("user" + ann);
        assertThat(bobs.path("items").get(0).path("read").asBoolean()).isFalse();
        assertThat(bobs.path("unreadCount").asLong()).isEqualTo(1);

        JsonNode anns = notifications(ann, "");
        assertThat(noticeTypes(anns)).containsExactly("RECOMMENDED", "FRIEND_ACCEPTED");
        assertThat(anns.path("items").get(0).path("movieId").asLong()).isEqualTo(42);
        assertThat(anns.path("items").get(0).path("text").asString()).isEqualTo("Watch it");
        assertThat(anns.path("items").get(1).path("actor").path("id").asLong()).isEqualTo(bob);
    }

    @Test
    void likesAndCommentsOnMyActivityAreNewsButMyOwnAreNot() {
        long ann = member();
        long bob = member();
        USERS.befriend(ann, bob);
        deliver(rated(ann, 7, 4.0, at(1)));
        long activity = api().get("/api/activities/users/" + ann)
                .bearer(token(ann))
                .send()
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asLong();

        api().put("/api/activities/" + activity + "/like").bearer(token(bob)).send();
        api().delete("/api/activities/" + activity + "/like").bearer(token(bob)).send();
        api().put("/api/activities/" + activity + "/like").bearer(token(bob)).send();
        api().put("/api/activities/" + activity + "/like").bearer(token(ann)).send();
        long comment = api().post("/api/activities/" + activity + "/comments")
                .bearer(token(bob))
                .json(Map.of("text", "Nice"))
                .send()
                .json()
                .path("id")
                .asLong();
        api().post("/api/activities/" + activity + "/comments")
                .bearer(token(ann))
                .json(Map.of("text", "Thanks"))
                .send();

        JsonNode anns = notifications(ann, "");
        assertThat(noticeTypes(anns))
                .as("a like taken back and given again is news once")
                .containsExactly("COMMENTED", "LIKED");
        assertThat(anns.path("items").get(0).path("activityId").asLong()).isEqualTo(activity);
        assertThat(anns.path("items").get(0).path("movieId").asLong()).isEqualTo(7);
        assertThat(anns.path("items").get(0).path("text").asString()).isEqualTo("Nice");
        assertThat(noticeTypes(notifications(bob, ""))).isEmpty();

        api().delete("/api/activities/comments/" + comment).bearer(token(bob)).send();
        assertThat(noticeTypes(notifications(ann, "")))
                .as("a deleted comment is no news")
                .containsExactly("LIKED");
    }

    @Test
    void readingMarksUpToAPointAndPagesGoBackInTime() {
        long ann = member();
        for (int i = 0; i < 5; i++) {
            long asker = member();
            deliver(event(new FriendRequested(asker, ann, 100 + i), at(i)));
        }
        JsonNode first = notifications(ann, "?limit=2");
        assertThat(first.path("items").size()).isEqualTo(2);
        assertThat(first.path("unreadCount").asLong()).isEqualTo(5);
        JsonNode second =
                notifications(ann, "?limit=2&before=" + first.path("nextCursor").asString());
        JsonNode third = notifications(
                ann, "?limit=2&before=" + second.path("nextCursor").asString());
        assertThat(third.path("items").size()).isEqualTo(1);
        assertThat(third.path("nextCursor").isNull()).isTrue();

        long upTo = second.path("items").get(0).path("id").asLong();
        assertThat(api().post("/api/activities/notifications/read")
                        .bearer(token(ann))
                        .json(Map.of("upTo", upTo))
                        .send()
                        .status())
                .isEqualTo(204);
        JsonNode after = notifications(ann, "");
        assertThat(after.path("unreadCount").asLong()).isEqualTo(2);
        assertThat(after.path("items").valueStream().map(n -> n.path("read").asBoolean()))
                .containsExactly(false, false, true, true, true);

        api().post("/api/activities/notifications/read")
                .bearer(token(ann))
                .json(Map.of("upTo", 1))
                .send();
        assertThat(notifications(ann, "").path("unreadCount").asLong())
                .as("never un-read")
                .isEqualTo(2);
        api().post("/api/activities/notifications/read")
                .bearer(token(ann))
                .json(Map.of())
                .send();
        assertThat(notifications(ann, "").path("unreadCount").asLong()).isZero();
    }

    @Test
    void refusesBadCursorsAndLimitsAndVisitors() {
        long ann = member();
        assertProblem(
                api().get("/api/activities/notifications?before=abc")
                        .bearer(token(ann))
                        .send(),
                400,
                "validation");
        assertProblem(
                api().get("/api/activities/notifications?before=99999999999999999999")
                        .bearer(token(ann))
                        .send(),
                400,
                "validation");
        assertProblem(
                api().get("/api/activities/notifications?limit=101")
                        .bearer(token(ann))
                        .send(),
                400,
                "validation");
        assertProblem(
                api().post("/api/activities/notifications/read")
                        .bearer(token(ann))
                        .json(Map.of("upTo", -1))
                        .send(),
                400,
                "validation");
        assertProblem(api().get("/api/activities/notifications").send(), 401);
    }

    @Test
    void aDeletedAccountTakesItsNotificationsAlong() {
        long ann = member();
        long bob = member();
        deliver(event(new FriendRequested(bob, ann, 5), at(1)));
        deliver(event(new FriendRequested(ann, bob, 6), at(2)));

        deliver(event(new AccountDeleted(bob), at(3)));

        assertThat(noticeTypes(notifications(ann, "")))
                .as("nothing from a deleted member")
                .isEmpty();
    }
}
