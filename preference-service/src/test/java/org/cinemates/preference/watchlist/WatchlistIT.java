package org.cinemates.preference.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The watchlist: idempotent changes, each real one told once, and a list that degrades. */
class WatchlistIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "preferences");
    }

    private ApiResponse add(Member member, long movieId) {
        return api().put("/api/preferences/watchlist/" + movieId)
                .bearer(member.token())
                .send();
    }

    private ApiResponse remove(Member member, long movieId) {
        return api().delete("/api/preferences/watchlist/" + movieId)
                .bearer(member.token())
                .send();
    }

    private JsonNode watchlist(Member member, String query) {
        ApiResponse response = api().get("/api/preferences/watchlist" + query)
                .bearer(member.token())
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private static List<Long> movieIds(JsonNode page) {
        return page.path("items")
                .valueStream()
                .map(item -> item.path("movie").path("id").asLong())
                .toList();
    }

    @Test
    void addingTwiceKeepsTheMovieOnceAndTellsOnce() {
        Member ann = member("Saver");
        long movie = MOVIES.add("Later");

        assertThat(add(ann, movie).status()).isEqualTo(204);
        assertThat(add(ann, movie).status()).isEqualTo(204);

        JsonNode list = watchlist(ann, "");
        assertThat(movieIds(list)).containsExactly(movie);
        assertThat(list.path("items").get(0).path("movie").path("title").asString())
                .isEqualTo("Later");
        assertThat(list.path("items").get(0).path("addedAt").asString()).endsWith("Z");
        List<Event> events = events(ann);
        assertThat(events).extracting(Event::type).containsExactly("WATCHLISTED");
        assertThat(events.get(0).payload().path("userId").asLong()).isEqualTo(ann.id());
        assertThat(events.get(0).payload().path("movieId").asLong()).isEqualTo(movie);
    }

    @Test
    void removingTwiceIsFineAndTellsOnce() {
        Member ann = member("Clearer");
        long movie = MOVIES.add("Seen it");
        add(ann, movie);

        assertThat(remove(ann, movie).status()).isEqualTo(204);
        assertThat(remove(ann, movie).status()).isEqualTo(204);
        assertThat(remove(ann, MOVIES.add("Never added")).status()).isEqualTo(204);

        assertThat(watchlist(ann, "").path("items").size()).isZero();
        List<Event> events = events(ann);
        assertThat(events).extracting(Event::type).containsExactly("WATCHLISTED", "WATCHLIST_REMOVED");
        assertThat(events.get(1).payload().path("movieId").asLong()).isEqualTo(movie);
    }

    @Test
    void anUnknownMovieCannotBeAdded() {
        Member ann = member("Hopeful");

        assertProblem(add(ann, MOVIES.unknownId()), 404, "movie-not-found");

        assertThat(watchlist(ann, "").path("total").asLong()).isZero();
        assertThat(events(ann)).isEmpty();
    }

    @Test
    void withoutMovieServiceNothingNewIsAddedButWhatIsThereStays() {
        Member ann = member("Stuck");
        long saved = MOVIES.add("Saved");
        long unseen = MOVIES.add("Unseen");
        add(ann, saved);

        MOVIES.stop();
        JsonNode problem = assertProblem(add(ann, unseen), 503, "dependency-unavailable");
        assertThat(problem.path("degraded").get(0).asString()).isEqualTo("movie-service");
        assertThat(add(ann, saved).status())
                .as("already there: nothing to check")
                .isEqualTo(204);
        assertThat(remove(ann, saved).status()).isEqualTo(204);

        assertThat(eventTypes(ann)).containsExactly("WATCHLISTED", "WATCHLIST_REMOVED");
        allUp();
        assertThat(watchlist(ann, "").path("items").size()).isZero();
    }

    @Test
    void theWatchlistIsListedNewestFirstInPages() {
        Member ann = member("Planner");
        long[] movies = new long[3];
        for (int i = 0; i < movies.length; i++) {
            movies[i] = MOVIES.add("Plan " + i);
            assertThat(add(ann, movies[i]).status()).isEqualTo(204);
        }

        JsonNode first = watchlist(ann, "?size=2");
        assertThat(movieIds(first)).containsExactly(movies[2], movies[1]);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.has("degraded")).isFalse();
        JsonNode second = watchlist(ann, "?page=1&size=2");
        assertThat(movieIds(second)).containsExactly(movies[0]);
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(watchlist(ann, "").path("size").asInt()).isEqualTo(20);

        for (String query : List.of("?size=0", "?size=101", "?page=-1", "?size=many")) {
            assertProblem(
                    api().get("/api/preferences/watchlist" + query)
                            .bearer(ann.token())
                            .send(),
                    400,
                    "validation");
        }
    }

    @Test
    void withoutMovieServiceTheWatchlistCarriesMovieIdsOnly() {
        Member ann = member("Offline");
        long movie = MOVIES.add("Never looked up");
        jdbc.sql("insert into watchlist (user_id, movie_id, added_at) values (?, ?, ?)")
                .params(ann.id(), movie, Timestamp.from(Instant.now()))
                .update();

        MOVIES.slow();
        JsonNode list = watchlist(ann, "");

        assertThat(list.path("degraded").valueStream().map(JsonNode::asString).toList())
                .containsExactly("movie-service");
        assertThat(list.path("items").get(0).path("movie").path("id").asLong()).isEqualTo(movie);
        assertThat(list.path("items").get(0).path("movie").has("title")).isFalse();
    }

    @Test
    void movieIdsArePositiveNumbers() {
        Member ann = member("Typo");
        for (String id : List.of("abc", "0", "-7")) {
            assertProblem(
                    api().put("/api/preferences/watchlist/" + id)
                            .bearer(ann.token())
                            .send(),
                    400);
            assertProblem(
                    api().delete("/api/preferences/watchlist/" + id)
                            .bearer(ann.token())
                            .send(),
                    400);
        }
        assertThat(events(ann)).isEmpty();
    }

    @Test
    void anotherMemberNeitherSeesNorChangesMyWatchlist() {
        Member ann = member("Private");
        Member eve = member("Nosy");
        long movie = MOVIES.add("Mine to watch");
        add(ann, movie);

        assertThat(watchlist(eve, "").path("total").asLong()).isZero();
        assertThat(remove(eve, movie).status()).isEqualTo(204);

        assertThat(movieIds(watchlist(ann, ""))).containsExactly(movie);
        assertThat(events(eve)).isEmpty();
    }

    @Test
    void strangersAndForgedRequestsAreRefused() {
        Member ann = member("Guarded");
        long movie = MOVIES.add("Guarded");
        assertProblem(api().put("/api/preferences/watchlist/" + movie).send(), 401, "unauthenticated");
        assertProblem(api().get("/api/preferences/watchlist").send(), 401, "unauthenticated");

        Session session = session(ann);
        assertProblem(
                api().put("/api/preferences/watchlist/" + movie)
                        .cookies(session.cookies())
                        .send(),
                403,
                "csrf");
        assertThat(api().put("/api/preferences/watchlist/" + movie)
                        .cookies(session.cookies())
                        .header("X-XSRF-TOKEN", session.xsrfToken())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(eventTypes(ann)).containsExactly("WATCHLISTED");
    }
}
