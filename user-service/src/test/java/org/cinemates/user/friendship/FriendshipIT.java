package org.cinemates.user.friendship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.cinemates.platform.events.Befriended;
import org.cinemates.platform.events.DeliveredEvent;
import org.cinemates.platform.events.Unfriended;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.OutboxContents;
import org.cinemates.user.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class FriendshipIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequestAcceptedMakesFriendsBothWays() {
        Member ann = register("Ann");
        Member bob = register("Bob");

        ApiResponse asked = ask(ann, bob.id());
        assertThat(asked.status()).isEqualTo(201);
        JsonNode request = asked.json();
        assertThat(request.path("status").asString()).isEqualTo("PENDING");
        assertThat(request.path("fromUser").path("id").asLong()).isEqualTo(ann.id());
        assertThat(request.path("toUser").path("id").asLong()).isEqualTo(bob.id());
        assertThat(request.path("fromUser").has("email")).isFalse();
        assertThat(request.path("createdAt").asString()).endsWith("Z");
        long id = request.path("id").asLong();
        assertThat(OutboxContents.eventsOf(jdbc, ann.id()))
                .extracting(DeliveredEvent::payload)
                .filteredOn(org.cinemates.platform.events.FriendRequested.class::isInstance)
                .as("news for Bob: Ann asked")
                .containsExactly(new org.cinemates.platform.events.FriendRequested(ann.id(), bob.id(), id));

        assertThat(ids(bob.browser()
                        .get("/api/users/me/friend-requests?direction=incoming")
                        .send()))
                .containsExactly(id);
        assertThat(ids(bob.browser().get("/api/users/me/friend-requests").send()))
                .containsExactly(id);
        assertThat(ids(ann.browser()
                        .get("/api/users/me/friend-requests?direction=outgoing")
                        .send()))
                .containsExactly(id);
        assertThat(ids(ann.browser()
                        .get("/api/users/me/friend-requests?direction=incoming")
                        .send()))
                .isEmpty();

        ApiResponse accepted = bob.browser()
                .post("/api/users/me/friend-requests/" + id + "/accept")
                .send();
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");

        assertThat(friends(ann)).containsExactly(bob.id());
        assertThat(friends(bob)).containsExactly(ann.id());
        assertThat(ids(bob.browser()
                        .get("/api/users/me/friend-requests?direction=incoming")
                        .send()))
                .isEmpty();
        assertThat(OutboxContents.eventsOf(jdbc, bob.id()))
                .extracting(DeliveredEvent::payload)
                .filteredOn(Befriended.class::isInstance)
                .as("Bob accepted Ann's request")
                .containsExactly(new Befriended(bob.id(), ann.id()));
    }

    @Test
    void askingSomeoneWhoAskedYouMakesYouFriends() {
        Member ann = register("Mutual");
        Member bob = register("Mutual");
        long theirs = ask(bob, ann.id()).json().path("id").asLong();

        ApiResponse mine = ask(ann, bob.id());

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(mine.json().path("id").asLong()).isEqualTo(theirs);
        assertThat(friends(ann)).containsExactly(bob.id());
        assertThat(friends(bob)).containsExactly(ann.id());
    }

    @Test
    void requestsThatMakeNoSenseAreRefused() {
        Member ann = register("Picky");
        Member bob = register("Picky");

        assertProblem(ask(ann, ann.id()), 400, "cannot-befriend-yourself");
        assertProblem(ask(ann, 987654321L), 404, "user-not-found");
        assertThat(ask(ann, bob.id()).status()).isEqualTo(201);
        assertProblem(ask(ann, bob.id()), 409, "request-pending");

        long pending =
                ids(bob.browser().get("/api/users/me/friend-requests").send()).get(0);
        bob.browser()
                .post("/api/users/me/friend-requests/" + pending + "/accept")
                .send();
        assertProblem(ask(ann, bob.id()), 409, "already-friends");
        assertProblem(ask(bob, ann.id()), 409, "already-friends");

        assertProblem(
                ann.browser()
                        .post("/api/users/me/friend-requests")
                        .json(Map.of())
                        .send(),
                400,
                "validation");
        assertProblem(
                ann.browser()
                        .post("/api/users/me/friend-requests")
                        .json(Map.of("userId", "abc"))
                        .send(),
                400);
        assertProblem(
                ann.browser()
                        .post("/api/users/me/friend-requests")
                        .json(Map.of("userId", -5))
                        .send(),
                400,
                "validation");
        assertProblem(
                ann.browser()
                        .get("/api/users/me/friend-requests?direction=sideways")
                        .send(),
                400,
                "validation");
    }

    @Test
    void onlyTheRecipientMayAcceptOrDecline() {
        Member ann = register("Only");
        Member bob = register("Only");
        Member eve = register("Eve");
        long id = ask(ann, bob.id()).json().path("id").asLong();

        assertProblem(
                ann.browser()
                        .post("/api/users/me/friend-requests/" + id + "/accept")
                        .send(),
                404,
                "friend-request-not-found");
        assertProblem(
                eve.browser()
                        .post("/api/users/me/friend-requests/" + id + "/accept")
                        .send(),
                404,
                "friend-request-not-found");
        assertProblem(
                eve.browser()
                        .post("/api/users/me/friend-requests/" + id + "/decline")
                        .send(),
                404,
                "friend-request-not-found");
        assertProblem(
                bob.browser()
                        .post("/api/users/me/friend-requests/987654321/accept")
                        .send(),
                404);

        assertThat(bob.browser()
                        .post("/api/users/me/friend-requests/" + id + "/decline")
                        .send()
                        .status())
                .isEqualTo(204);
        assertProblem(
                bob.browser()
                        .post("/api/users/me/friend-requests/" + id + "/accept")
                        .send(),
                404);
        assertThat(friends(bob)).isEmpty();
        assertThat(ask(ann, bob.id()).status())
                .as("a declined request can be made again")
                .isEqualTo(201);
    }

    @Test
    void onlyTheSenderMayCancel() {
        Member ann = register("Cancel");
        Member bob = register("Cancel");
        long id = ask(ann, bob.id()).json().path("id").asLong();

        assertProblem(
                bob.browser().delete("/api/users/me/friend-requests/" + id).send(), 404);
        assertThat(ann.browser()
                        .delete("/api/users/me/friend-requests/" + id)
                        .send()
                        .status())
                .isEqualTo(204);
        assertProblem(
                ann.browser().delete("/api/users/me/friend-requests/" + id).send(), 404);
        assertThat(ids(bob.browser().get("/api/users/me/friend-requests").send()))
                .isEmpty();
    }

    @Test
    void unfriendingEndsTheFriendshipForBoth() {
        Member ann = register("Unfriend");
        Member bob = register("Unfriend");
        ask(bob, ann.id());
        ask(ann, bob.id());

        assertThat(ann.browser()
                        .delete("/api/users/me/friends/" + bob.id())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(friends(ann)).isEmpty();
        assertThat(friends(bob)).isEmpty();
        assertThat(OutboxContents.eventsOf(jdbc, ann.id()))
                .extracting(DeliveredEvent::payload)
                .filteredOn(Unfriended.class::isInstance)
                .containsExactly(new Unfriended(ann.id(), bob.id()));
        assertProblem(ann.browser().delete("/api/users/me/friends/" + bob.id()).send(), 404, "not-friends");
    }

    @Test
    void internalFriendIdsNeedTheServiceCredential() {
        Member ann = register("Internal");
        Member bob = register("Internal");
        ask(bob, ann.id());
        ask(ann, bob.id());
        String path = "/internal/users/" + ann.id() + "/friend-ids";

        assertProblem(browser().get(path).send(), 401);
        assertProblem(browser().get(path).header("X-Service-Token", "guess").send(), 401);
        assertProblem(browser().get(path).bearer(ann.accessToken()).send(), 401);

        ApiResponse answer =
                browser().get(path).header("X-Service-Token", SERVICE_TOKEN).send();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()
                        .path("friendIds")
                        .valueStream()
                        .map(JsonNode::asLong)
                        .toList())
                .containsExactly(bob.id());
        assertProblem(
                browser()
                        .get("/internal/users/987654321/friend-ids")
                        .header("X-Service-Token", SERVICE_TOKEN)
                        .send(),
                404);

        ApiResponse profiles = browser()
                .get("/internal/users?ids=" + ann.id() + "," + bob.id() + ",987654321")
                .header("X-Service-Token", SERVICE_TOKEN)
                .send();
        assertThat(ids(profiles)).containsExactlyInAnyOrder(ann.id(), bob.id());
        // With each member's visibility, so a service naming a member beside a rating can honour it.
        assertThat(profiles.json()
                        .path("items")
                        .valueStream()
                        .map(item -> item.path("visibility").asString())
                        .toList())
                .containsExactly("FRIENDS", "FRIENDS");
        // As many ids as a call may carry: every one goes into the statement.
        String most = LongStream.rangeClosed(987_654_000L, 987_654_497L)
                .mapToObj(String::valueOf)
                .collect(Collectors.joining(",", ann.id() + "," + bob.id() + ",", ""));
        assertThat(ids(browser()
                        .get("/internal/users?ids=" + most)
                        .header("X-Service-Token", SERVICE_TOKEN)
                        .send()))
                .containsExactlyInAnyOrder(ann.id(), bob.id());

        String visibilities = "/internal/users/visibilities?ids=" + ann.id() + ",987654321";
        assertProblem(browser().get(visibilities).bearer(ann.accessToken()).send(), 401);
        ApiResponse visibility = browser()
                .get(visibilities)
                .header("X-Service-Token", SERVICE_TOKEN)
                .send();
        assertThat(visibility.status()).as("%s", visibility).isEqualTo(200);
        assertThat(visibility.json().path("items").size())
                .as("unknown ids left out")
                .isEqualTo(1);
        assertThat(visibility.json().path("items").get(0).path("userId").asLong())
                .isEqualTo(ann.id());
        assertThat(visibility.json().path("items").get(0).path("visibility").asString())
                .as("until the member chooses")
                .isEqualTo("FRIENDS");
    }

    private static ApiResponse ask(Member from, long to) {
        return from.browser()
                .post("/api/users/me/friend-requests")
                .json(Map.of("userId", to))
                .send();
    }

    private static List<Long> friends(Member member) {
        return ids(member.browser().get("/api/users/me/friends").send());
    }

    private static List<Long> ids(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json()
                .path("items")
                .valueStream()
                .map(item -> item.path("id").asLong())
                .toList();
    }
}
