package org.cinemates.preference.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cinemates.platform.security.ServiceCredential;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** user-service tells of deleted accounts; their ratings, reviews and watchlist go with them. */
class AccountDeletionIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "preferences");
    }

    @Test
    void aDeletedAccountTakesItsRatingsAndWatchlistWithIt() {
        Member leaving = member("Leaving");
        Member staying = member("Staying");
        long movie = MOVIES.add("Heat");
        rate(leaving, movie);
        rate(staying, movie);
        assertThat(api().put("/api/preferences/watchlist/" + movie)
                        .bearer(leaving.token())
                        .send()
                        .status())
                .isEqualTo(204);

        Map<String, Object> batch = batch("ACCOUNT_DELETED", leaving.id());
        ApiResponse first = deliver(batch);
        ApiResponse again = deliver(batch);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("handled").asInt()).isEqualTo(1);
        assertThat(again.status()).as("a redelivery is harmless").isEqualTo(200);
        assertThat(storedRatings(leaving)).isZero();
        assertThat(storedRatings(staying)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from watchlist where user_id = ?")
                        .param(leaving.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(api().get("/api/preferences/movies/" + movie + "/summary")
                        .bearer(staying.token())
                        .send()
                        .json()
                        .path("count")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aDeletedAccountsTokenIsRefusedAndARacingWriteDoesNotSurvive() {
        Member leaving = member("Racing");
        long movie = MOVIES.add("Ronin");
        rate(leaving, movie);

        assertThat(deliver(batch("ACCOUNT_DELETED", leaving.id())).status()).isEqualTo(200);

        assertProblem(
                api().put("/api/preferences/ratings/" + movie)
                        .bearer(leaving.token())
                        .json(Map.of("score", 5, "review", "orphan"))
                        .send(),
                401,
                "unauthenticated");
        assertProblem(
                api().get("/api/preferences/ratings").bearer(leaving.token()).send(), 401);
        assertProblem(
                api().put("/api/preferences/watchlist/" + movie)
                        .bearer(leaving.token())
                        .send(),
                401);

        // A write that checked before the deletion arrived and committed after it.
        storeRating(leaving, movie, 4.0, java.time.Instant.now());
        jdbc.sql("insert into watchlist (user_id, movie_id, added_at) values (?, ?, now())")
                .params(leaving.id(), movie)
                .update();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    assertThat(storedRatings(leaving)).isZero();
                    assertThat(jdbc.sql("select count(*) from watchlist where user_id = ?")
                                    .param(leaving.id())
                                    .query(Long.class)
                                    .single())
                            .isZero();
                });
    }

    @Test
    void aLoggedOutSessionsTokenIsRefusedWithinSeconds() {
        Member member = member("Leaver");
        String session = UUID.randomUUID().toString();
        String token = org.cinemates.platform.test.TestTokens.sign(
                org.cinemates.platform.test.TestTokens.claimsBuilder(member.id(), member.username(), List.of("USER"))
                        .claim("sid", session)
                        .build(),
                TOKENS.key(),
                "at+jwt");
        long movie = MOVIES.add("Thief");
        assertThat(api().put("/api/preferences/ratings/" + movie)
                        .bearer(token)
                        .json(Map.of("score", 4))
                        .send()
                        .status())
                .isEqualTo(201);

        USERS.revokeSession(session);

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(3))
                .untilAsserted(() -> assertProblem(
                        api().put("/api/preferences/ratings/" + movie)
                                .bearer(token)
                                .json(Map.of("score", 5))
                                .send(),
                        401));
        assertThat(api().get("/api/preferences/ratings")
                        .bearer(member.token())
                        .send()
                        .status())
                .as("the member's other sessions go on")
                .isEqualTo(200);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void eachDeletionIsHandledInTheTraceItWasWrittenIn(CapturedOutput output) {
        Member traced = member("Traced");
        Member untraced = member("Untraced");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Map<String, Object> tracedDeletion = event("ACCOUNT_DELETED", traced.id(), Map.of());
        tracedDeletion.put("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        Map<String, Object> brokenDeletion = event("ACCOUNT_DELETED", untraced.id(), Map.of());
        brokenDeletion.put("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01 forged");

        ApiResponse answer = deliver(Map.of("events", List.of(tracedDeletion, brokenDeletion)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("handled").asInt()).isEqualTo(2);
        assertThat(deletionLogged(output, traced)).contains(traceId);
        assertThat(deletionLogged(output, untraced))
                .as("a trace of its own")
                .containsPattern("\\[[0-9a-f]{32}-[0-9a-f]{16}\\] ")
                .doesNotContain(traceId, "forged");
    }

    private static String deletionLogged(CapturedOutput output, Member member) {
        return output.getOut()
                .lines()
                .filter(line -> line.endsWith("Deleted the data of deleted account " + member.id()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void otherEventsAreAcknowledgedAndChangeNothing() {
        Member member = member("Other");
        long movie = MOVIES.add("Ran");
        rate(member, movie);

        ApiResponse answer = deliver(Map.of(
                "events",
                List.of(
                        event("RATED", member.id(), Map.of("movieId", movie, "score", 4.0)),
                        event("WATCHLISTED", member.id(), Map.of("movieId", movie)))));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("handled").asInt()).isZero();
        assertThat(answer.json().path("ignored").asInt()).isEqualTo(2);
        assertThat(storedRatings(member)).isEqualTo(1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anEventThatBreaksTheContractIsIgnoredAndTheRestOfTheBatchHandled(CapturedOutput output) {
        Member kept = member("Kept");
        Member leaving = member("Leaver");
        long movie = MOVIES.add("Stalker");
        rate(kept, movie);
        rate(leaving, movie);
        Map<String, Object> notTheActor = event("ACCOUNT_DELETED", kept.id(), Map.of());
        notTheActor.put("payload", Map.of("userId", kept.id() + 1));
        Map<String, Object> badId = event("ACCOUNT_DELETED", kept.id(), Map.of());
        badId.put("eventId", "not-a-uuid\nforged line");
        Map<String, Object> unknown = event("SESSION_REVOKED", kept.id(), Map.of());

        ApiResponse answer = deliver(Map.of(
                "events",
                List.of(
                        notTheActor,
                        badId,
                        unknown,
                        "not an event",
                        event("ACCOUNT_DELETED", leaving.id(), Map.of()))));

        assertThat(answer.status())
                .as("a 4xx would have the relay send the batch again, forever")
                .isEqualTo(200);
        assertThat(answer.json().path("handled").asInt()).isEqualTo(1);
        assertThat(answer.json().path("ignored").asInt()).isEqualTo(4);
        assertThat(storedRatings(kept)).isEqualTo(1);
        assertThat(storedRatings(leaving)).isZero();
        assertThat(output.getOut())
                .contains(
                        "Ignoring event " + notTheActor.get("eventId") + ": payload.userId must be the actorId",
                        "Ignoring event (no valid id): eventId must be a UUID",
                        "Ignoring event " + unknown.get("eventId") + ": unknown type SESSION_REVOKED")
                .doesNotContain("forged line");
    }

    @Test
    void onlyServicesMayDeliverAndOnlyWellFormedBatches() {
        Member member = member("Guarded");
        long movie = MOVIES.add("Ikiru");
        rate(member, movie);
        Map<String, Object> batch = batch("ACCOUNT_DELETED", member.id());

        ApiResponse anonymous =
                api().post("/internal/events").json(batch).withoutCsrf().send();
        assertThat(anonymous.status()).isIn(401, 403);
        ApiResponse asMember = api().post("/internal/events")
                .json(batch)
                .bearer(member.token())
                .send();
        assertThat(asMember.status()).isIn(401, 403);
        for (String envelope : new String[] {"{}", "{\"events\": \"many\"}", "{\"events\": [ {", "[]"}) {
            assertProblem(
                    api().post("/internal/events")
                            .header(ServiceCredential.HEADER, SERVICE_TOKEN)
                            .rawJson(envelope)
                            .withoutCsrf()
                            .send(),
                    400);
        }
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(event("ACCOUNT_DELETED", member.id(), Map.of()));
        }
        JsonNode problem = assertProblem(deliver(Map.of("events", tooMany)), 400, "validation");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("events");
        assertThat(storedRatings(member)).isEqualTo(1);
    }

    private void rate(Member member, long movie) {
        assertThat(api().put("/api/preferences/ratings/" + movie)
                        .bearer(member.token())
                        .json(Map.of("score", 4.0))
                        .send()
                        .status())
                .isEqualTo(201);
    }

    private static Map<String, Object> batch(String type, long userId) {
        return Map.of("events", List.of(event(type, userId, Map.of())));
    }
}
