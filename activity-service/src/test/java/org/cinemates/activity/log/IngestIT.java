package org.cinemates.activity.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.activity.Events.accountDeleted;
import static org.cinemates.activity.Events.batch;
import static org.cinemates.activity.Events.befriended;
import static org.cinemates.activity.Events.event;
import static org.cinemates.activity.Events.joined;
import static org.cinemates.activity.Events.logged;
import static org.cinemates.activity.Events.profileUpdated;
import static org.cinemates.activity.Events.rated;
import static org.cinemates.activity.Events.ratingDeleted;
import static org.cinemates.activity.Events.reviewed;
import static org.cinemates.activity.Events.unfriended;
import static org.cinemates.activity.Events.watchlistRemoved;
import static org.cinemates.activity.Events.watchlisted;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cinemates.activity.IntegrationTest;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** POST /internal/activities: who may deliver, what is stored, and in which order it may arrive. */
class IngestIT extends IntegrationTest {

    @Test
    void storesEachEventOnceWhenABatchArrivesAgain() {
        long ann = member();
        Map<String, Object> batch = batch(
                joined(ann, "ann", "Ann", at(0)),
                rated(ann, 1, 4.5, at(1)),
                watchlisted(ann, 2, at(2)),
                ratingDeleted(ann, 3, at(3)),
                profileUpdated(ann, "ann", "Ann A.", at(4)));

        JsonNode first = deliverBatch(batch);
        JsonNode again = deliverBatch(batch);

        assertThat(first.path("stored").asInt()).isEqualTo(5);
        assertThat(first.path("duplicates").asInt()).isZero();
        assertThat(first.path("ignored").asInt()).isZero();
        assertThat(again.path("stored").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(5);
        assertThat(again.path("ignored").asInt()).isZero();
        assertThat(types(ownActivity(ann))).containsExactly("WATCHLISTED", "RATED", "JOINED");
    }

    @Autowired
    EventLedger ledger;

    @Test
    void aBatchDeliveredAgainAfterItsIdsWereForgottenChangesNothing() {
        long ann = member();
        Map<String, Object> batch = batch(
                joined(ann, "ann", "Ann", at(0)),
                rated(ann, 1, 4.5, at(1)),
                watchlisted(ann, 2, at(2)),
                watchlistRemoved(ann, 2, at(3)));
        deliverBatch(batch);

        assertThat(ledger.forgetBefore(Instant.now().plusSeconds(60))).isPositive();
        JsonNode again = deliverBatch(batch);

        assertThat(again.path("stored").asInt()).isZero();
        assertThat(again.path("duplicates").asInt() + again.path("ignored").asInt())
                .isEqualTo(4);
        assertThat(types(ownActivity(ann))).containsExactly("RATED", "JOINED");
    }

    @Test
    void countsAnEventRepeatedWithinABatchOnce() {
        long ann = member();
        Map<String, Object> rating = rated(ann, 1, 3.0, at(1));

        JsonNode result = deliverBatch(batch(List.of(rating, rating)));

        assertThat(result.path("stored").asInt()).isEqualTo(1);
        assertThat(result.path("duplicates").asInt()).isEqualTo(1);
        assertThat(ownActivity(ann).size()).isEqualTo(1);
    }

    @Test
    void onlyServicesWithTheServiceCredentialDeliver() {
        long ann = member();
        Map<String, Object> batch = batch(rated(ann, 1, 4.0, at(1)));

        assertProblem(api().post("/internal/activities").json(batch).send(), 401, "unauthenticated");
        assertProblem(
                api().post("/internal/activities")
                        .header("X-Service-Token", "not-the-token")
                        .json(batch)
                        .send(),
                401,
                "unauthenticated");
        assertProblem(
                api().post("/internal/activities")
                        .bearer(token(ann))
                        .json(batch)
                        .send(),
                401,
                "unauthenticated");
        assertThat(ownActivity(ann).size()).isZero();
    }

    @Test
    void ignoresInvalidAndUnknownEventsAndStoresTheRest() {
        long ann = member();
        List<Object> events = new ArrayList<>();
        events.add(rated(ann, 1, 4.0, at(1)));
        events.add(event("LIKED", ann, at(2), Map.of("movieId", 2)));
        events.add(rated(ann, 3, 7.0, at(3)));
        events.add(rated(ann, 4, 4.2, at(4)));
        events.add(event("RATED", ann, at(5), Map.of("score", 4.0)));
        events.add(event("REVIEWED", ann, at(6), Map.of("movieId", 6, "score", 4.0, "review", " ")));
        events.add(event("REVIEWED", ann, at(6), Map.of("movieId", 6, "score", 4.0, "review", "x".repeat(5001))));
        events.add(event("WATCHLISTED", ann, at(7), Map.of("movieId", "7")));
        events.add(event("BEFRIENDED", ann, at(8), Map.of("friendId", ann)));
        events.add(event("JOINED", ann, at(9), Map.of("username", "ann\u0000", "displayName", "Ann")));
        events.add(event("RATED", ann, at(10), Map.of("movieId", 10, "score", 4.0, "userId", ann + 1)));
        Map<String, Object> badId = rated(ann, 11, 4.0, at(11));
        badId.put("eventId", "not-a-uuid");
        events.add(badId);
        Map<String, Object> badTime = rated(ann, 12, 4.0, at(12));
        badTime.put("occurredAt", "yesterday");
        events.add(badTime);
        Map<String, Object> noActor = rated(ann, 13, 4.0, at(13));
        noActor.remove("actorId");
        events.add(noActor);
        events.add("not an event");
        events.add(null);
        events.add(watchlisted(ann, 14, at(14)));

        JsonNode result = deliverBatch(Map.of("events", events));

        assertThat(result.path("stored").asInt()).isEqualTo(2);
        assertThat(result.path("ignored").asInt()).isEqualTo(events.size() - 2);
        assertThat(types(ownActivity(ann))).containsExactly("WATCHLISTED", "RATED");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anEventIsReadInTheTraceItWasWrittenIn(CapturedOutput output) {
        long ann = member();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Map<String, Object> liked = event("LIKED", ann, at(1), Map.of("movieId", 1));
        liked.put("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        deliver(liked, rated(ann, 2, 4.0, at(2)));

        assertThat(warningAbout(output, liked)).contains(traceId);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anEventWithABrokenTraceContextIsStoredInATraceOfItsOwn(CapturedOutput output) {
        long ann = member();
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        List<Object> brokenContexts = List.of(
                "00-" + traceId + "-b7ad6b7169203331-01\nforged log line",
                "00-" + traceId.toUpperCase(Locale.ROOT) + "-b7ad6b7169203331-01",
                "00-00000000000000000000000000000000-b7ad6b7169203331-01",
                "ff-" + traceId + "-b7ad6b7169203331-01",
                "x".repeat(10_000),
                42,
                Map.of("traceId", traceId));
        List<Map<String, Object>> events = new ArrayList<>();
        List<Map<String, Object>> unknown = new ArrayList<>();
        for (int i = 0; i < brokenContexts.size(); i++) {
            Map<String, Object> rating = rated(ann, i + 1, 4.0, at(i));
            Map<String, Object> liked = event("LIKED", ann, at(i), Map.of("movieId", i + 1));
            rating.put("traceparent", brokenContexts.get(i));
            liked.put("traceparent", brokenContexts.get(i));
            events.add(rating);
            events.add(liked);
            unknown.add(liked);
        }

        JsonNode result = deliverBatch(batch(events));

        assertThat(result.path("stored").asInt()).isEqualTo(brokenContexts.size());
        assertThat(result.path("ignored").asInt()).isEqualTo(brokenContexts.size());
        for (Map<String, Object> liked : unknown) {
            assertThat(warningAbout(output, liked))
                    .containsPattern("\\[[0-9a-f]{32}-[0-9a-f]{16}\\] ")
                    .doesNotContain(traceId, "xxxx");
        }
        assertThat(output.getOut()).doesNotContain("forged log line");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aBadEventsOwnTextNeverReachesTheLog(CapturedOutput output) {
        long ann = member();
        Map<String, Object> badId = rated(ann, 1, 4.0, at(1));
        badId.put("eventId", "x\nforged id line");
        Map<String, Object> badType = event("LIKED\nforged type line", ann, at(2), Map.of("movieId", 2));

        JsonNode result = deliverBatch(batch(List.of(badId, badType)));

        assertThat(result.path("ignored").asInt()).isEqualTo(2);
        assertThat(output.getOut()).contains("Ignoring event (no valid id)", "unknown type");
        assertThat(output.getOut()).doesNotContain("forged");
    }

    /** The log line that says why this event was ignored. */
    private static String warningAbout(CapturedOutput output, Map<String, Object> event) {
        return output.getOut()
                .lines()
                .filter(line -> line.contains("Ignoring event " + event.get("eventId")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void refusesOnlyAnEnvelopeItCannotRead() {
        var send = (java.util.function.Function<String, ApiResponse>) body -> api().post("/internal/activities")
                .header("X-Service-Token", SERVICE_TOKEN)
                .rawJson(body)
                .send();

        assertProblem(send.apply("{\"events\": [ {"), 400);
        assertProblem(send.apply("{\"events\": \"many\"}"), 400);
        assertProblem(send.apply("{}"), 400, "validation");
        assertProblem(send.apply("[]"), 400);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        long ann = member();
        for (int i = 0; i < 501; i++) {
            tooMany.add(rated(ann, i + 1, 4.0, at(i)));
        }
        JsonNode problem = assertProblem(
                api().post("/internal/activities")
                        .header("X-Service-Token", SERVICE_TOKEN)
                        .json(batch(tooMany))
                        .send(),
                400,
                "validation");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("events");
        assertThat(ownActivity(ann).size()).isZero();
        assertThat(deliverBatch(batch(List.of())).path("stored").asInt()).isZero();
    }

    @Test
    void keepsOnlyTheNewestRatingOfAMovieWhateverTheOrderOfArrival() {
        long ann = member();
        deliver(rated(ann, 1, 4.0, at(20)));
        JsonNode older = deliver(reviewed(ann, 1, 2.0, "Meh", at(10)));
        JsonNode newer = deliver(reviewed(ann, 1, 5.0, "Grew on me", at(30)));

        assertThat(older.path("ignored").asInt()).isEqualTo(1);
        assertThat(newer.path("stored").asInt()).isEqualTo(1);
        JsonNode items = ownActivity(ann);
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).path("type").asString()).isEqualTo("REVIEWED");
        assertThat(items.get(0).path("score").decimalValue()).isEqualByComparingTo("5.0");
        assertThat(items.get(0).path("review").asString()).isEqualTo("Grew on me");
    }

    @Test
    void aNewerRatingInTheSameBatchWinsWhereverItStands() {
        long ann = member();
        deliver(rated(ann, 1, 5.0, at(30)), rated(ann, 1, 1.0, at(10)), rated(ann, 1, 3.0, at(20)));

        JsonNode items = ownActivity(ann);
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).path("score").decimalValue()).isEqualByComparingTo("5.0");
    }

    @Test
    void aDeletedRatingStaysDeletedWhenAnOlderRatingArrivesLate() {
        long ann = member();
        deliver(rated(ann, 1, 4.0, at(10)));
        deliver(ratingDeleted(ann, 1, at(20)));
        assertThat(ownActivity(ann).size()).isZero();

        JsonNode late = deliver(reviewed(ann, 1, 4.0, "Late", at(15)));
        assertThat(late.path("ignored").asInt()).isEqualTo(1);
        assertThat(ownActivity(ann).size()).isZero();

        deliver(rated(ann, 1, 2.5, at(25)));
        JsonNode items = ownActivity(ann);
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).path("score").decimalValue()).isEqualByComparingTo("2.5");
    }

    @Test
    void aDeletionArrivingBeforeTheRatingItDeletesLeavesNothing() {
        long ann = member();
        deliver(ratingDeleted(ann, 1, at(20)));
        deliver(rated(ann, 1, 4.0, at(10)));
        assertThat(ownActivity(ann).size()).isZero();
    }

    @Test
    void aDeletionOlderThanTheRatingLeavesIt() {
        long ann = member();
        deliver(rated(ann, 1, 4.0, at(20)));
        JsonNode result = deliver(ratingDeleted(ann, 1, at(10)));
        assertThat(result.path("ignored").asInt()).isEqualTo(1);
        assertThat(types(ownActivity(ann))).containsExactly("RATED");
    }

    @Test
    void watchlistRemovalsWorkTheSameWay() {
        long ann = member();
        deliver(watchlistRemoved(ann, 1, at(20)), watchlisted(ann, 2, at(5)));
        deliver(watchlisted(ann, 1, at(10)), watchlistRemoved(ann, 2, at(1)));
        assertThat(ownActivity(ann).size()).isEqualTo(1);
        assertThat(ownActivity(ann).get(0).path("movieId").asLong()).isEqualTo(2);

        deliver(watchlisted(ann, 1, at(30)));
        assertThat(ownActivity(ann).get(0).path("movieId").asLong()).isEqualTo(1);
        // A rating of the same movie is another thing: removing the watchlist entry leaves it.
        deliver(rated(ann, 1, 3.5, at(40)), watchlistRemoved(ann, 1, at(50)));
        assertThat(types(ownActivity(ann))).containsExactly("RATED", "WATCHLISTED");
    }

    @Test
    void aShownListIsOneActivityUntilItIsWithdrawn() {
        long ann = member();
        deliver(event(new org.cinemates.platform.events.Listed(ann, 9, "Noir", "FRIENDS", 0), at(10)));
        deliver(event(new org.cinemates.platform.events.Listed(ann, 9, "Film noir", "PUBLIC", 3), at(20)));

        JsonNode items = ownActivity(ann);
        assertThat(types(items)).containsExactly("LISTED");
        assertThat(items.get(0).path("list").path("id").asLong()).isEqualTo(9);
        assertThat(items.get(0).path("list").path("name").asString()).isEqualTo("Film noir");

        deliver(event(new org.cinemates.platform.events.ListWithdrawn(ann, 9), at(30)));
        deliver(event(new org.cinemates.platform.events.Listed(ann, 9, "Late", "PUBLIC", 3), at(25)));
        assertThat(types(ownActivity(ann))).as("an older LISTED stays away").isEmpty();

        deliver(event(new org.cinemates.platform.events.Listed(ann, 9, "Again", "PUBLIC", 3), at(40)));
        assertThat(ownActivity(ann).get(0).path("list").path("name").asString()).isEqualTo("Again");
    }

    @Test
    void eachLoggedViewingIsAnActivityOfItsOwnBesideTheRating() {
        long ann = member();
        deliver(logged(ann, 1, 40, 4.5, "Better twice", false, at(10)), rated(ann, 1, 4.5, at(10)));
        deliver(logged(ann, 1, 41, 4.0, "Third time", true, at(20)));
        deliver(ratingDeleted(ann, 1, at(30)));

        JsonNode items = ownActivity(ann);
        assertThat(types(items)).containsExactly("LOGGED", "LOGGED");
        assertThat(items.get(0).path("score").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(items.get(0).path("review").asString()).isEqualTo("Third time");
        assertThat(items.get(1).path("movieId").asLong()).isEqualTo(1);
    }

    @Test
    void unfriendingRemovesTheFriendshipActivityInEitherDirection() {
        long ann = member();
        long bob = member();
        long cat = member();
        deliver(befriended(ann, bob, at(10)), befriended(cat, ann, at(11)));
        assertThat(types(ownActivity(ann))).containsExactly("BEFRIENDED");
        assertThat(types(ownActivity(cat))).containsExactly("BEFRIENDED");

        deliver(unfriended(bob, ann, at(20)), unfriended(ann, cat, at(21)));
        assertThat(ownActivity(ann).size()).isZero();
        assertThat(ownActivity(cat).size()).isZero();

        // A late copy of the old friendship stays away; becoming friends again shows.
        deliver(befriended(ann, bob, at(15)));
        assertThat(ownActivity(ann).size()).isZero();
        deliver(befriended(bob, ann, at(30)));
        assertThat(types(ownActivity(bob))).containsExactly("BEFRIENDED");
        assertThat(ownActivity(bob).get(0).path("friend").path("id").asLong()).isEqualTo(ann);
    }

    @Test
    void aDeletedAccountTakesAllItsActivityAlongAndLateEventsAreIgnored() {
        long ann = member();
        long bob = member();
        deliver(
                joined(ann, "ann", "Ann", at(0)),
                rated(ann, 1, 4.0, at(1)),
                befriended(ann, bob, at(2)),
                befriended(bob, ann, at(3)),
                watchlisted(bob, 7, at(4)));

        JsonNode deletion = deliver(accountDeleted(ann, at(10)));
        assertThat(deletion.path("stored").asInt()).isEqualTo(1);

        assertThat(ownActivity(ann).size()).isZero();
        assertThat(types(ownActivity(bob))).containsExactly("WATCHLISTED");
        JsonNode late = deliver(
                rated(ann, 2, 3.0, at(5)),
                reviewed(ann, 3, 3.0, "After", at(20)),
                befriended(bob, ann, at(21)),
                profileUpdated(ann, "ann", "Ghost", at(22)),
                accountDeleted(ann, at(23)));
        assertThat(late.path("stored").asInt()).isZero();
        assertThat(late.path("ignored").asInt()).isEqualTo(5);
        assertThat(ownActivity(ann).size()).isZero();
        assertThat(types(ownActivity(bob))).containsExactly("WATCHLISTED");
    }

    @Test
    void eventsOfAnAccountDeletedInTheSameBatchAreIgnored() {
        long ann = member();
        JsonNode result = deliver(rated(ann, 1, 4.0, at(20)), accountDeleted(ann, at(10)));
        assertThat(result.path("stored").asInt()).isEqualTo(1);
        assertThat(result.path("ignored").asInt()).isEqualTo(1);
        assertThat(ownActivity(ann).size()).isZero();
    }

    @Test
    void theNewestNamesWinWhateverTheOrderOfArrival() {
        long ann = member();
        deliver(profileUpdated(ann, "ann", "Ann Newest", at(30)), rated(ann, 1, 4.0, at(31)));
        JsonNode older = deliver(profileUpdated(ann, "ann", "Ann Older", at(20)), joined(ann, "ann", "Ann", at(0)));

        assertThat(older.path("stored").asInt()).as("the JOINED activity").isEqualTo(1);
        assertThat(older.path("ignored").asInt()).as("the older rename").isEqualTo(1);
        JsonNode items = ownActivity(ann);
        assertThat(types(items)).containsExactly("RATED", "JOINED");
        for (JsonNode item : items) {
            assertThat(item.path("actor").path("displayName").asString()).isEqualTo("Ann Newest");
            assertThat(item.path("actor").path("username").asString()).isEqualTo("ann");
        }
    }

    @Test
    void storesABatchOfTwoHundredEventsQuickly() {
        List<Map<String, Object>> events = new ArrayList<>();
        List<Long> members = new ArrayList<>();
        for (int m = 0; m < 20; m++) {
            members.add(member());
        }
        for (int i = 0; i < 200; i++) {
            long actor = members.get(i % members.size());
            events.add(
                    switch (i % 4) {
                        case 0 -> rated(actor, 100 + i, 4.0, at(i));
                        case 1 -> reviewed(actor, 100 + i, 3.5, "Review " + i, at(i));
                        case 2 -> watchlisted(actor, 100 + i, at(i));
                        default -> befriended(actor, members.get((i + 1) % members.size()), at(i));
                    });
        }
        deliverBatch(batch(List.of(rated(members.get(0), 1, 4.0, at(0))))); // warm the path

        long started = System.nanoTime();
        JsonNode result = deliverBatch(batch(events));
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("200-event batch stored in %d ms%n", millis);
        // 150 ratings, reviews and watchlist entries of different movies; the 50 friendships are
        // 5 pairs, each befriended 10 times in the batch, of which only the newest counts.
        assertThat(result.path("stored").asInt()).isEqualTo(155);
        assertThat(result.path("ignored").asInt()).isEqualTo(45);
        assertThat(millis).isLessThan(2_000);
        int stored = 0;
        for (long member : members) {
            stored += ownActivity(member).size();
        }
        assertThat(stored).isEqualTo(155 + 1);
    }
}
