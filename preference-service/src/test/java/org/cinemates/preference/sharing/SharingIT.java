package org.cinemates.preference.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.Map;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Recommending a movie to a friend: friends only, told through the outbox, kept for the friend. */
class SharingIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "sharing");
    }

    private ApiResponse send(Member from, long to, long movie, Object note) {
        return api().post("/api/preferences/recommendations/sent")
                .bearer(from.token())
                .json(Map.of("toUserId", to, "movieId", movie, "note", note))
                .send();
    }

    @Test
    void aFriendReceivesTheMovieAndIsTold() {
        Member ann = member("Sender");
        Member bob = member("Receiver");
        USERS.befriend(ann.id(), bob.id());
        long heat = MOVIES.add("Heat");

        ApiResponse sent = send(ann, bob.id(), heat, "  You'll love it ");
        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        assertThat(sent.json().path("to").path("id").asLong()).isEqualTo(bob.id());
        assertThat(sent.json().path("movie").path("title").asString()).isEqualTo("Heat");
        assertThat(sent.json().path("note").asString()).isEqualTo("You'll love it");

        assertThat(eventTypes(ann)).containsExactly("RECOMMENDED");
        JsonNode payload = events(ann).get(0).payload();
        assertThat(payload.path("toUserId").asLong()).isEqualTo(bob.id());
        assertThat(payload.path("movieId").asLong()).isEqualTo(heat);
        assertThat(payload.path("note").asString()).isEqualTo("You'll love it");

        JsonNode received = api().get("/api/preferences/recommendations/received")
                .bearer(bob.token())
                .send()
                .json();
        assertThat(received.path("total").asLong()).isEqualTo(1);
        JsonNode item = received.path("items").get(0);
        assertThat(item.path("from").path("displayName").asString()).isEqualTo("The Sender");
        assertThat(item.path("movie").path("title").asString()).isEqualTo("Heat");
        assertThat(item.path("note").asString()).isEqualTo("You'll love it");
        assertThat(item.path("sentAt").asString()).endsWith("Z");
        assertThat(api().get("/api/preferences/recommendations/received")
                        .bearer(ann.token())
                        .send()
                        .json()
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    void onlyFriendsAndRealMoviesAndNotes() {
        Member ann = member("Picky");
        Member stranger = member("Stranger");
        Member friend = member("Friend");
        USERS.befriend(ann.id(), friend.id());
        long heat = MOVIES.add("Heat");

        assertProblem(send(ann, stranger.id(), heat, ""), 403, "not-a-friend");
        assertProblem(send(ann, ann.id(), heat, ""), 400, "validation");
        assertProblem(send(ann, friend.id(), MOVIES.unknownId(), ""), 404, "movie-not-found");
        assertProblem(send(ann, friend.id(), heat, "x".repeat(1001)), 400, "validation");
        assertProblem(send(ann, friend.id(), heat, "nul\u0000"), 400, "validation");
        assertProblem(
                api().post("/api/preferences/recommendations/sent")
                        .bearer(ann.token())
                        .json(Map.of("toUserId", friend.id()))
                        .send(),
                400,
                "validation");
        assertThat(eventTypes(ann)).isEmpty();

        USERS.stop();
        assertProblem(send(ann, friend.id(), heat, ""), 503);
    }

    @Test
    void aDeletedAccountTakesItsRecommendationsAlong() {
        Member ann = member("Leaving");
        Member bob = member("Staying");
        USERS.befriend(ann.id(), bob.id());
        long heat = MOVIES.add("Heat");
        send(ann, bob.id(), heat, "");
        send(bob, ann.id(), heat, "");

        ApiResponse delivered = api().post("/internal/events")
                .header("X-Service-Token", SERVICE_TOKEN)
                .rawJson("""
                        {"events":[{"eventId":"%s","type":"ACCOUNT_DELETED","actorId":%d,
                          "occurredAt":"2026-11-25T15:00:00Z","payload":{"userId":%d}}]}
                        """.formatted(java.util.UUID.randomUUID(), ann.id(), ann.id()))
                .send();
        assertThat(delivered.status()).isEqualTo(200);

        assertThat(api().get("/api/preferences/recommendations/received")
                        .bearer(bob.token())
                        .send()
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(jdbc.sql("select count(*) from friend_recommendations where from_user_id = ? or to_user_id = ?")
                        .params(ann.id(), ann.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
