package org.cinemates.preference.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cinemates.platform.events.EventJson;
import org.cinemates.platform.events.InvalidEvent;
import org.cinemates.platform.events.Reviewed;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.FakeService;
import org.cinemates.preference.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Rating movies: what is accepted, what is stored, and what the other services are told. */
class RatingIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "preferences");
    }

    private ApiResponse rate(Member member, long movieId, Object body) {
        return api().put("/api/preferences/ratings/" + movieId)
                .bearer(member.token())
                .json(body)
                .send();
    }

    private ApiResponse rate(Member member, long movieId, double score) {
        return rate(member, movieId, Map.of("score", score));
    }

    private ApiResponse rate(Member member, long movieId, double score, String review) {
        return rate(member, movieId, Map.of("score", score, "review", review));
    }

    private ApiResponse myRatings(Member member, String query) {
        return api().get("/api/preferences/ratings" + query)
                .bearer(member.token())
                .send();
    }

    @Test
    void aFirstRatingIsCreatedAndLaterOnesUpdateIt() {
        Member ann = member("Ann");
        long heat = MOVIES.add("Heat");

        ApiResponse created = rate(ann, heat, 4.5);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode rating = created.json();
        assertThat(rating.path("movieId").asLong()).isEqualTo(heat);
        assertThat(rating.path("score").isNumber()).isTrue();
        assertThat(rating.path("score").asDouble()).isEqualTo(4.5);
        assertThat(rating.path("review").isNull()).isTrue();
        Instant ratedAt = Instant.parse(rating.path("ratedAt").asString());
        assertThat(ratedAt)
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));

        ApiResponse updated = rate(ann, heat, 3.0, "Too long");

        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().path("score").asDouble()).isEqualTo(3.0);
        assertThat(updated.json().path("review").asString()).isEqualTo("Too long");
        JsonNode mine = myRatings(ann, "").json().path("items");
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).path("score").asDouble()).isEqualTo(3.0);
        assertThat(mine.get(0).path("review").asString()).isEqualTo("Too long");
        assertThat(mine.get(0).path("movie").path("title").asString()).isEqualTo("Heat");
    }

    @Test
    void everyHalfStarFromHalfToFiveIsAScore() {
        Member ann = member("Stars");
        long movie = MOVIES.add("Starry");
        for (int halves = 1; halves <= 10; halves++) {
            ApiResponse response = rate(ann, movie, halves / 2.0);
            assertThat(response.status()).as("%s", response).isEqualTo(halves == 1 ? 201 : 200);
            assertThat(response.json().path("score").asDouble()).isEqualTo(halves / 2.0);
        }
        assertThat(rate(ann, movie, Map.of("score", 4)).status()).isEqualTo(200);
    }

    @Test
    void scoresThatAreNotHalfStarsFromHalfToFiveAreRefusedNamingTheScore() {
        Member ann = member("Picky");
        long movie = MOVIES.add("Unrated");
        MOVIES.forgetRequests();
        List<String> bodies = List.of(
                "{\"score\":0}",
                "{\"score\":0.25}",
                "{\"score\":4.25}",
                "{\"score\":5.5}",
                "{\"score\":-1}",
                "{\"score\":10}",
                "{\"score\":1e400}",
                "{\"score\":\"4.5\"}",
                "{\"score\":true}",
                "{\"score\":null}",
                "{\"score\":\"NaN\"}",
                "{\"score\":[4.5]}",
                "{\"review\":\"No score\"}",
                "{}");
        for (String body : bodies) {
            ApiResponse response = api().put("/api/preferences/ratings/" + movie)
                    .bearer(ann.token())
                    .rawJson(body)
                    .send();
            JsonNode problem = assertProblem(response, 400);
            assertThat(fields(problem)).as(body).containsExactly("score");
        }
        for (String body : List.of("{\"score\":NaN}", "{\"score\":", "", "[4.5]", "4.5")) {
            assertProblem(
                    api().put("/api/preferences/ratings/" + movie)
                            .bearer(ann.token())
                            .rawJson(body)
                            .send(),
                    400);
        }
        assertThat(storedRatings(ann)).isZero();
        assertThat(events(ann)).isEmpty();
        assertThat(MOVIES.requests())
                .as("bad input never reaches movie-service")
                .isEmpty();
    }

    @Test
    void reviewsHaveAtMost5000Characters() {
        Member ann = member("Writer");
        long movie = MOVIES.add("Epic");

        ApiResponse longest = rate(ann, movie, 5.0, "a".repeat(5000));
        assertThat(longest.status()).as("%s", longest).isEqualTo(201);
        assertThat(longest.json().path("review").asString()).hasSize(5000);

        JsonNode tooLong = assertProblem(rate(ann, movie, 4.0, "b".repeat(5001)), 400, "validation");
        assertThat(fields(tooLong)).containsExactly("review");
        JsonNode notText = assertProblem(rate(ann, movie, Map.of("score", 4.0, "review", 42)), 400);
        assertThat(fields(notText)).containsExactly("review");

        assertThat(myRatings(ann, "").json().path("items").get(0).path("score").asDouble())
                .isEqualTo(5.0);
    }

    @Test
    void reviewsWithControlCharactersOtherThanLineBreaksAreRefused() {
        Member ann = member("Controller");
        long movie = MOVIES.add("Control");
        for (String review : new String[] {"nul \u0000 inside", "bell \u0007", "escape \u001b[31m"}) {
            JsonNode problem = assertProblem(rate(ann, movie, Map.of("score", 4.0, "review", review)), 400);
            assertThat(fields(problem)).as("%s", review).containsExactly("review");
        }
        // Half a character cannot travel as UTF-8, only as a JSON escape.
        JsonNode half = assertProblem(
                api().put("/api/preferences/ratings/" + movie)
                        .bearer(ann.token())
                        .rawJson("{\"score\":4.0,\"review\":\"half \\ud800\"}")
                        .send(),
                400);
        assertThat(fields(half)).containsExactly("review");
        ApiResponse lines = rate(ann, movie, Map.of("score", 4.0, "review", "Line one\r\nLine\ttwo"));
        assertThat(lines.status()).as("%s", lines).isIn(200, 201);
        assertThat(lines.json().path("review").asString()).isEqualTo("Line one\r\nLine\ttwo");
    }

    @Test
    void aBlankReviewIsNoReview() {
        Member ann = member("Quiet");
        long movie = MOVIES.add("Silence");

        ApiResponse response = rate(ann, movie, 4.0, "   \n\t ");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("review").isNull()).isTrue();
        assertThat(eventTypes(ann)).containsExactly("RATED");
    }

    @Test
    void movieIdsArePositiveNumbers() {
        Member ann = member("Typo");
        for (String id : List.of("abc", "0", "-1", "1.5", "99999999999999999999")) {
            JsonNode put = assertProblem(
                    api().put("/api/preferences/ratings/" + id)
                            .bearer(ann.token())
                            .json(Map.of("score", 4.0))
                            .send(),
                    400);
            assertThat(fields(put)).as(id).containsExactly("movieId");
            assertProblem(
                    api().delete("/api/preferences/ratings/" + id)
                            .bearer(ann.token())
                            .send(),
                    400);
            assertProblem(
                    api().get("/api/preferences/movies/" + id + "/summary")
                            .bearer(ann.token())
                            .send(),
                    400);
        }
        assertThat(MOVIES.requests()).isEmpty();
    }

    @Test
    void anUnknownMovieCannotBeRatedAndNothingIsStored() {
        Member ann = member("Dreamer");

        assertProblem(rate(ann, MOVIES.unknownId(), 4.0, "Never made"), 404, "movie-not-found");

        assertThat(storedRatings(ann)).isZero();
        assertThat(events(ann)).isEmpty();
    }

    @Test
    void withoutMovieServiceAMovieNeverSeenCannotBeRated() {
        Member ann = member("Unlucky");
        long stopped = MOVIES.add("Stopped");
        long failing = MOVIES.add("Failing");

        MOVIES.stop();
        JsonNode problem = assertProblem(rate(ann, stopped, 4.0), 503, "dependency-unavailable");
        assertThat(problem.path("degraded").get(0).asString()).isEqualTo("movie-service");

        MOVIES.failing();
        assertProblem(rate(ann, failing, 4.0), 503, "dependency-unavailable");

        assertThat(storedRatings(ann)).isZero();
        assertThat(events(ann)).isEmpty();
    }

    @Test
    void aSlowMovieServiceIsGivenUpOnAfterItsTimeLimit() {
        Member ann = member("Patient");
        long movie = MOVIES.add("Slow Burn");
        MOVIES.slow();

        long started = System.nanoTime();
        assertProblem(rate(ann, movie, 4.0), 503, "dependency-unavailable");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(TIME_LIMIT_MILLIS - 100));
        assertThat(took).isLessThan(FakeService.SLOW);
        assertThat(storedRatings(ann)).isZero();
    }

    @Test
    void aMovieSeenBeforeCanBeRatedWhileMovieServiceIsDown() {
        Member ann = member("Early");
        Member bob = member("Late");
        long movie = MOVIES.add("Remembered");
        assertThat(rate(ann, movie, 3.0).status()).isEqualTo(201);

        MOVIES.stop();

        assertThat(rate(ann, movie, 3.5).status()).isEqualTo(200);
        assertThat(rate(bob, movie, 4.0).status()).isEqualTo(201);
        assertThat(eventTypes(bob)).containsExactly("RATED");
    }

    @Test
    void anUnknownMovieIsRememberedBriefly() {
        Member ann = member("Twice");
        long unknown = MOVIES.unknownId();
        assertProblem(rate(ann, unknown, 4.0), 404, "movie-not-found");
        MOVIES.stop();
        assertProblem(rate(ann, unknown, 4.0), 404, "movie-not-found");
    }

    @Test
    void eachChangeTellsTheOtherServicesExactlyOnce() {
        Member ann = member("Critic");
        long movie = MOVIES.add("Changing Minds");

        rate(ann, movie, 4.0); // new: RATED
        rate(ann, movie, 4.0); // nothing changed
        rate(ann, movie, 3.5); // new score: RATED
        rate(ann, movie, 3.5, "Great"); // new review: REVIEWED
        rate(ann, movie, 3.5, "Great"); // nothing changed
        rate(ann, movie, 4.5, "Great"); // same review, new score: RATED
        rate(ann, movie, 4.5, "Even better"); // new review: REVIEWED
        rate(ann, movie, 4.5); // review taken back: nothing to tell
        rate(ann, movie, 5.0, "Best"); // new score and review: one REVIEWED
        api().delete("/api/preferences/ratings/" + movie).bearer(ann.token()).send();

        List<Event> events = events(ann);
        assertThat(events)
                .extracting(Event::type)
                .containsExactly("RATED", "RATED", "REVIEWED", "RATED", "REVIEWED", "REVIEWED", "RATING_DELETED");
        JsonNode rated = events.get(0).payload();
        assertThat(rated.path("userId").asLong()).isEqualTo(ann.id());
        assertThat(rated.path("movieId").asLong()).isEqualTo(movie);
        assertThat(rated.path("score").isNumber()).isTrue();
        assertThat(rated.path("score").asDouble()).isEqualTo(4.0);
        assertThat(rated.has("review")).isFalse();
        JsonNode reviewed = events.get(5).payload();
        assertThat(reviewed.path("score").asDouble()).isEqualTo(5.0);
        assertThat(reviewed.path("review").asString()).isEqualTo("Best");
        JsonNode deleted = events.get(6).payload();
        assertThat(deleted.path("userId").asLong()).isEqualTo(ann.id());
        assertThat(deleted.path("movieId").asLong()).isEqualTo(movie);
        assertThat(deleted.has("score")).isFalse();
    }

    @Test
    void aFirstRatingWithAReviewIsReviewedOnly() {
        Member ann = member("Reviewer");
        long movie = MOVIES.add("First Impressions");

        rate(ann, movie, 2.5, "  Meh.  ");

        List<Event> events = events(ann);
        assertThat(events).extracting(Event::type).containsExactly("REVIEWED");
        assertThat(events.get(0).payload().path("review").asString()).isEqualTo("Meh.");
        assertThat(events.get(0).payload().path("score").asDouble()).isEqualTo(2.5);
    }

    @Test
    void aRatingTakenBackIsGoneAndCannotBeTakenBackTwice() {
        Member ann = member("Undo");
        long movie = MOVIES.add("Regret");
        rate(ann, movie, 1.0);

        assertThat(api().delete("/api/preferences/ratings/" + movie)
                        .bearer(ann.token())
                        .send()
                        .status())
                .isEqualTo(204);
        assertProblem(
                api().delete("/api/preferences/ratings/" + movie)
                        .bearer(ann.token())
                        .send(),
                404,
                "rating-not-found");
        assertProblem(
                api().delete("/api/preferences/ratings/" + MOVIES.add("Never rated"))
                        .bearer(ann.token())
                        .send(),
                404,
                "rating-not-found");

        assertThat(myRatings(ann, "").json().path("items").size()).isZero();
        assertThat(eventTypes(ann)).containsExactly("RATED", "RATING_DELETED");
    }

    @Test
    void myRatingsAreListedNewestFirstInPages() {
        Member ann = member("Lister");
        long[] movies = new long[5];
        for (int i = 0; i < movies.length; i++) {
            movies[i] = MOVIES.add("Movie " + i);
            assertThat(rate(ann, movies[i], 3.0).status()).isEqualTo(201);
        }
        assertThat(rate(ann, movies[0], 4.0).status()).isEqualTo(200); // moves to the top

        JsonNode first = myRatings(ann, "?size=2").json();
        assertThat(movieIds(first)).containsExactly(movies[0], movies[4]);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("total").asLong()).isEqualTo(5);
        assertThat(first.has("degraded")).isFalse();
        JsonNode item = first.path("items").get(0);
        assertThat(item.path("movie").path("title").asString()).isEqualTo("Movie 0");
        assertThat(item.path("movie").path("genres").get(0).asString()).isEqualTo("Drama");
        assertThat(item.path("score").asDouble()).isEqualTo(4.0);
        assertThat(item.has("review")).isTrue();
        assertThat(item.path("ratedAt").asString()).endsWith("Z");

        assertThat(movieIds(myRatings(ann, "?page=1&size=2").json())).containsExactly(movies[3], movies[2]);
        assertThat(movieIds(myRatings(ann, "?page=2&size=2").json())).containsExactly(movies[1]);
        JsonNode beyond = myRatings(ann, "?page=7&size=2").json();
        assertThat(beyond.path("items").size()).isZero();
        assertThat(beyond.path("total").asLong()).isEqualTo(5);
        assertThat(myRatings(ann, "").json().path("size").asInt()).isEqualTo(20);
    }

    @Test
    void pagesHaveOneToAHundredRatings() {
        Member ann = member("Pager");
        for (String query : List.of("?size=0", "?size=101", "?size=-1", "?size=abc", "?page=-1", "?page=x")) {
            JsonNode problem = assertProblem(myRatings(ann, query), 400);
            assertThat(fields(problem)).as(query).containsAnyOf("size", "page");
        }
        assertThat(myRatings(ann, "?size=100").status()).isEqualTo(200);
        assertThat(myRatings(ann, "?size=1").status()).isEqualTo(200);
    }

    @Test
    void eachPageLooksUpItsMoviesInOneCallAndSeenOnesAreRemembered() {
        Member ann = member("Batch");
        Instant now = Instant.now();
        long[] movies = new long[5];
        for (int i = 0; i < movies.length; i++) {
            movies[i] = MOVIES.add("Batch " + i);
            storeRating(ann, movies[i], 4.0, now.minusSeconds(60 - i));
        }
        MOVIES.forgetRequests();

        JsonNode first = myRatings(ann, "?size=3").json();
        JsonNode second = myRatings(ann, "?page=1&size=3").json();
        JsonNode again = myRatings(ann, "?size=3").json();

        assertThat(movieIds(first)).containsExactly(movies[4], movies[3], movies[2]);
        assertThat(titles(first)).containsExactly("Batch 4", "Batch 3", "Batch 2");
        assertThat(titles(second)).containsExactly("Batch 1", "Batch 0");
        assertThat(titles(again)).isEqualTo(titles(first));
        List<FakeRequest> calls = MOVIES.requests().stream()
                .map(r -> new FakeRequest(r.path(), r.param("ids")))
                .toList();
        String firstPage = movies[4] + "," + movies[3] + "," + movies[2];
        assertThat(calls)
                .as("the first page again takes its movies from memory")
                .containsExactly(
                        new FakeRequest("/api/movies", firstPage),
                        new FakeRequest("/api/movies", movies[1] + "," + movies[0]));
    }

    @Test
    void withoutMovieServiceMoviesSeenBeforeAreShownAsTheyWere() {
        Member ann = member("Memory");
        long seen = MOVIES.add("Seen");
        long unseen = MOVIES.add("Unseen");
        storeRating(ann, seen, 4.0, Instant.now().minusSeconds(5));
        assertThat(titles(myRatings(ann, "").json())).containsExactly("Seen");
        storeRating(ann, unseen, 3.0, Instant.now());

        MOVIES.failing();
        ApiResponse response = myRatings(ann, "");

        assertThat(response.status()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(page.path("degraded").get(0).asString()).isEqualTo("movie-service");
        assertThat(movieIds(page)).containsExactly(unseen, seen);
        assertThat(page.path("items").get(0).path("movie").size()).isEqualTo(1);
        assertThat(page.path("items").get(1).path("movie").path("title").asString())
                .isEqualTo("Seen");
    }

    record FakeRequest(String path, @Nullable String ids) {}

    @Test
    void withoutMovieServiceMyRatingsCarryOnlyTheirMovieIds() {
        Member ann = member("Offline");
        long known = MOVIES.add("Known");
        assertThat(rate(ann, known, 5.0).status()).isEqualTo(201);
        long unseen = MOVIES.add("Unseen");
        storeRating(ann, unseen, 2.0, Instant.now().plusSeconds(1));

        MOVIES.stop();
        ApiResponse response = myRatings(ann, "");

        assertThat(response.status()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(page.path("degraded").get(0).asString()).isEqualTo("movie-service");
        JsonNode items = page.path("items");
        assertThat(items.get(0).path("movie").path("id").asLong()).isEqualTo(unseen);
        assertThat(items.get(0).path("movie").has("title")).isFalse();
        assertThat(items.get(0).path("score").asDouble()).isEqualTo(2.0);
        assertThat(items.get(1).path("movie").path("title").asString())
                .as("remembered from rating it")
                .isEqualTo("Known");
    }

    @Test
    void aMovieRemovedFromTheCatalogueStillListsMyRatingOfIt() {
        Member ann = member("Archivist");
        long gone = MOVIES.unknownId();
        storeRating(ann, gone, 3.5, Instant.now());

        JsonNode page = myRatings(ann, "").json();

        assertThat(page.has("degraded")).isFalse();
        assertThat(page.path("items").get(0).path("movie").path("id").asLong()).isEqualTo(gone);
    }

    @Test
    void anotherMemberNeitherSeesNorChangesMyRatings() {
        Member ann = member("Owner");
        Member eve = member("Intruder");
        long movie = MOVIES.add("Private");
        rate(ann, movie, 4.5, "Mine");

        assertThat(myRatings(eve, "").json().path("items").size()).isZero();
        assertThat(myRatings(eve, "").json().path("total").asLong()).isZero();
        assertProblem(
                api().delete("/api/preferences/ratings/" + movie)
                        .bearer(eve.token())
                        .send(),
                404,
                "rating-not-found");
        ApiResponse hers = rate(eve, movie, 1.0, "Hers");
        assertThat(hers.status()).as("her own, new rating").isEqualTo(201);

        JsonNode mine = myRatings(ann, "").json().path("items");
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).path("score").asDouble()).isEqualTo(4.5);
        assertThat(mine.get(0).path("review").asString()).isEqualTo("Mine");
        assertThat(eventTypes(ann)).containsExactly("REVIEWED");
        assertThat(eventTypes(eve)).containsExactly("REVIEWED");
    }

    @Test
    void strangersAreNotServed() {
        long movie = MOVIES.add("Members Only");
        assertProblem(api().get("/api/preferences/ratings").send(), 401, "unauthenticated");
        assertProblem(
                api().put("/api/preferences/ratings/" + movie)
                        .json(Map.of("score", 4.0))
                        .send(),
                401,
                "unauthenticated");
        assertProblem(api().delete("/api/preferences/ratings/" + movie).send(), 401, "unauthenticated");
        assertProblem(
                api().get("/api/preferences/ratings").bearer("not-a-token").send(), 401, "invalid-token");
        String foreign = org.cinemates.platform.test.TestTokens.sign(
                org.cinemates.platform.test.TestTokens.claims(1, "forger", List.of("USER")),
                org.cinemates.platform.test.TestTokens.newKey(TOKENS.key().getKeyID()),
                "at+jwt");
        assertProblem(api().get("/api/preferences/ratings").bearer(foreign).send(), 401, "invalid-token");
    }

    @Test
    void cookieAuthenticatedChangesNeedTheCsrfHeader() {
        Member ann = member("Browser");
        Session session = session(ann);
        long movie = MOVIES.add("Clicked");
        Map<String, Object> body = new HashMap<>(Map.of("score", 4.0));

        assertProblem(
                api().put("/api/preferences/ratings/" + movie)
                        .cookies(session.cookies())
                        .json(body)
                        .send(),
                403,
                "csrf");
        assertProblem(
                api().put("/api/preferences/ratings/" + movie)
                        .cookies(session.cookies())
                        .header("X-XSRF-TOKEN", "forged")
                        .json(body)
                        .send(),
                403,
                "csrf");
        assertThat(storedRatings(ann)).isZero();

        ApiResponse rated = api().put("/api/preferences/ratings/" + movie)
                .cookies(session.cookies())
                .header("X-XSRF-TOKEN", session.xsrfToken())
                .json(body)
                .send();
        assertThat(rated.status()).as("%s", rated).isEqualTo(201);
        assertProblem(
                api().delete("/api/preferences/ratings/" + movie)
                        .cookies(session.cookies())
                        .send(),
                403,
                "csrf");
        assertThat(api().get("/api/preferences/ratings")
                        .cookies(session.cookies())
                        .send()
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void ratingsReachActivityService() throws InvalidEvent {
        Member ann = member("Relayed");
        long movie = MOVIES.add("Relayed");

        rate(ann, movie, 3.5, "Worth it");

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<JsonNode> mine = List.of();
        while (mine.isEmpty() && System.nanoTime() < deadline) {
            mine = ACTIVITIES.received().stream()
                    .filter(event -> event.path("actorId").asLong() == ann.id())
                    .toList();
            sleep(Duration.ofMillis(100));
        }
        assertThat(mine).hasSize(1);
        JsonNode event = mine.get(0);
        assertThat(event.path("type").asString()).isEqualTo("REVIEWED");
        assertThat(event.path("eventId").asString()).hasSize(36);
        assertThat(event.path("occurredAt").asString()).endsWith("Z");
        assertThat(event.path("payload").path("movieId").asLong()).isEqualTo(movie);
        assertThat(event.path("payload").path("score").asDouble()).isEqualTo(3.5);
        assertThat(event.path("payload").path("review").asString()).isEqualTo("Worth it");
        assertThat(EventJson.read(event).payload())
                .as("what activity-service reads")
                .isEqualTo(new Reviewed(ann.id(), movie, new BigDecimal("3.5"), "Worth it"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<String> fields(JsonNode problem) {
        return problem.path("errors")
                .valueStream()
                .map(error -> error.path("field").asString())
                .toList();
    }

    static List<Long> movieIds(JsonNode page) {
        return page.path("items")
                .valueStream()
                .map(item -> item.path("movie").path("id").asLong())
                .toList();
    }

    static List<String> titles(JsonNode page) {
        return page.path("items")
                .valueStream()
                .map(item -> item.path("movie").path("title").asString())
                .toList();
    }
}
