package org.cinemates.movie.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cinemates.movie.IntegrationTest;
import org.cinemates.movie.TestTokens;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Catalogue edits: who may make them, how they are checked, and that readers see them at once. */
class CatalogueEditsIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "edits");
    }

    private static Map<String, Object> draft(String title) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", title);
        draft.put("year", 2024);
        draft.put("genres", List.of("drama", "Sci-Fi"));
        draft.put("imdbId", "tt1234567");
        draft.put("tmdbId", 4242);
        return draft;
    }

    @Test
    void anAdminAddsAMovieWithAnIdOfItsOwn() {
        ApiResponse created = api().post("/api/movies")
                .bearer(TestTokens.admin())
                .json(draft("  Zyzzyx Road Redux  "))
                .send();

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode movie = created.json();
        long id = movie.path("id").asLong();
        assertThat(id).isGreaterThanOrEqualTo(10_000_000L);
        assertThat(created.header("Location")).contains("/api/movies/" + id);
        assertThat(movie.path("title").asString()).isEqualTo("Zyzzyx Road Redux");
        assertThat(movie.path("genres").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Drama", "Sci-Fi");
        assertThat(movie.path("imdbId").asString()).isEqualTo("1234567");
        assertThat(movie.path("imdbTitleId").asString()).isEqualTo("tt1234567");
        assertThat(movie.path("tmdbId").asLong()).isEqualTo(4242);

        assertThat(api().get("/api/movies/" + id).send().json().path("title").asString())
                .isEqualTo("Zyzzyx Road Redux");
        assertThat(api().get("/api/movies?q=zyzzyx").send().itemIds().get(0)).isEqualTo(id);
        long second = api().post("/api/movies")
                .bearer(TestTokens.admin())
                .json(draft("Another"))
                .send()
                .json()
                .path("id")
                .asLong();
        assertThat(second).isGreaterThan(id);
    }

    @Test
    void onlyAdminsEditTheCatalogue() {
        long id = create("Guarded");
        assertProblem(api().post("/api/movies").json(draft("Anonymous")).send(), 401, "unauthenticated");
        assertProblem(api().put("/api/movies/" + id).json(draft("Anonymous")).send(), 401, "unauthenticated");
        assertProblem(api().delete("/api/movies/" + id).send(), 401, "unauthenticated");
        String member = TestTokens.member();
        assertProblem(
                api().post("/api/movies").bearer(member).json(draft("Member")).send(), 403, "forbidden");
        assertProblem(
                api().put("/api/movies/" + id)
                        .bearer(member)
                        .json(draft("Member"))
                        .send(),
                403,
                "forbidden");
        assertProblem(api().delete("/api/movies/" + id).bearer(member).send(), 403, "forbidden");
        assertProblem(
                api().post("/api/movies")
                        .bearer("not.a.token")
                        .json(draft("Forged"))
                        .send(),
                401);
        assertThat(api().get("/api/movies/" + id).send().json().path("title").asString())
                .isEqualTo("Guarded");
    }

    @Test
    void browserEditsNeedTheCsrfHeader() {
        TestTokens.Session session = TestTokens.adminSession();
        assertProblem(
                api().post("/api/movies")
                        .cookies(session.cookies())
                        .json(draft("No Header"))
                        .send(),
                403,
                "csrf");
        ApiResponse withHeader = api().post("/api/movies")
                .cookies(session.cookies())
                .header("X-XSRF-TOKEN", session.xsrfToken())
                .json(draft("With Header"))
                .send();
        assertThat(withHeader.status()).as("%s", withHeader).isEqualTo(201);
    }

    @Test
    void anEditShowsAtOnceDespiteTheCache() {
        long id = create("Before The Edit");
        String before = api().get("/api/movies/" + id).send().header("ETag").orElseThrow();

        ApiResponse replaced = api().put("/api/movies/" + id)
                .bearer(TestTokens.admin())
                .json(draft("After The Edit"))
                .send();

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("title").asString()).isEqualTo("After The Edit");
        ApiResponse read =
                api().get("/api/movies/" + id).header("If-None-Match", before).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("title").asString()).isEqualTo("After The Edit");
        assertThat(api().get("/api/movies?ids=" + id)
                        .send()
                        .json()
                        .path("items")
                        .get(0)
                        .path("title")
                        .asString())
                .isEqualTo("After The Edit");

        assertThat(api().delete("/api/movies/" + id)
                        .bearer(TestTokens.admin())
                        .send()
                        .status())
                .isEqualTo(204);
        assertProblem(api().get("/api/movies/" + id).send(), 404, "movie-not-found");
        assertThat(api().get("/api/movies?ids=" + id)
                        .send()
                        .json()
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    void aSearchAskedAgainIsAnsweredFromMemoryUntilTheCatalogueChanges(@Autowired JdbcClient database) {
        long first = create("Quixotic Lantern One");
        assertThat(api().get("/api/movies?q=quixotic%20lantern").send().itemIds())
                .containsExactly(first);

        // Removed behind the service's back, so nothing tells its cache: the same search, asked
        // again while its answer may be reused (list-max-age), is not asked of the database.
        database.sql("delete from movies where id = :id").param("id", first).update();
        assertThat(api().get("/api/movies?q=quixotic%20lantern").send().itemIds())
                .containsExactly(first);
        assertThat(api().get("/api/movies?q=quixotic%20lantern%20one").send().itemIds())
                .as("another search asks the database")
                .isEmpty();

        // An edit through the service empties every search it keeps.
        long second = create("Quixotic Lantern Two");
        assertThat(api().get("/api/movies?q=quixotic%20lantern").send().itemIds())
                .containsExactly(second);
    }

    @Test
    void editsOfUnknownMoviesAre404() {
        String admin = TestTokens.admin();
        assertProblem(
                api().put("/api/movies/9999998")
                        .bearer(admin)
                        .json(draft("Nobody"))
                        .send(),
                404,
                "movie-not-found");
        assertProblem(api().delete("/api/movies/9999998").bearer(admin).send(), 404, "movie-not-found");
    }

    @Test
    void editsAreValidated() {
        String admin = TestTokens.admin();
        Map<String, Object> blank = draft("   ");
        assertField(api().post("/api/movies").bearer(admin).json(blank).send(), "title");
        assertField(
                api().post("/api/movies")
                        .bearer(admin)
                        .json(draft("x".repeat(501)))
                        .send(),
                "title");
        Map<String, Object> noTitle = draft("x");
        noTitle.remove("title");
        assertField(api().post("/api/movies").bearer(admin).json(noTitle).send(), "title");
        Map<String, Object> ancient = draft("Ancient");
        ancient.put("year", 1500);
        assertField(api().post("/api/movies").bearer(admin).json(ancient).send(), "year");
        Map<String, Object> future = draft("Future");
        future.put("year", 2300);
        assertField(api().post("/api/movies").bearer(admin).json(future).send(), "year");
        Map<String, Object> manyGenres = draft("Many");
        manyGenres.put("genres", List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"));
        assertField(api().post("/api/movies").bearer(admin).json(manyGenres).send(), "genres");
        Map<String, Object> pipe = draft("Pipe");
        pipe.put("genres", List.of("Drama|Comedy"));
        assertThat(assertProblem(
                                api().post("/api/movies")
                                        .bearer(admin)
                                        .json(pipe)
                                        .send(),
                                400,
                                "validation")
                        .path("errors")
                        .findValuesAsString("field"))
                .anyMatch(field -> field.startsWith("genres"));
        Map<String, Object> imdb = draft("Imdb");
        imdb.put("imdbId", "imdb:123");
        assertField(api().post("/api/movies").bearer(admin).json(imdb).send(), "imdbId");
        Map<String, Object> tmdb = draft("Tmdb");
        tmdb.put("tmdbId", -1);
        assertField(api().post("/api/movies").bearer(admin).json(tmdb).send(), "tmdbId");
        assertProblem(api().post("/api/movies").bearer(admin).rawJson("{").send(), 400, "malformed-body");
        assertThat(api().get("/api/movies?q=ancient").send().total()).isZero();
    }

    @Test
    void aNewGenreJoinsTheGenreList() {
        Map<String, Object> noir = draft("Neon Noir");
        noir.put("genres", List.of("Neo-Noir"));
        assertThat(api().post("/api/movies")
                        .bearer(TestTokens.admin())
                        .json(noir)
                        .send()
                        .status())
                .isEqualTo(201);

        JsonNode genres = api().get("/api/movies/genres").send().json().path("items");
        assertThat(genres.valueStream().filter(g -> g.path("name").asString().equals("Neo-Noir")))
                .singleElement()
                .satisfies(g -> assertThat(g.path("count").asLong()).isEqualTo(1));
        assertThat(api().get("/api/movies?genre=neo-noir").send().total()).isEqualTo(1);
    }

    @Test
    void ifMatchGuardsAgainstLostUpdates() {
        long id = create("Shared");
        String etag = api().get("/api/movies/" + id).send().header("ETag").orElseThrow();
        String admin = TestTokens.admin();
        assertThat(api().put("/api/movies/" + id)
                        .bearer(admin)
                        .header("If-Match", etag)
                        .json(draft("First Editor"))
                        .send()
                        .status())
                .isEqualTo(200);

        assertProblem(
                api().put("/api/movies/" + id)
                        .bearer(admin)
                        .header("If-Match", etag)
                        .json(draft("Second Editor"))
                        .send(),
                412,
                "precondition-failed");
        assertProblem(
                api().delete("/api/movies/" + id)
                        .bearer(admin)
                        .header("If-Match", etag)
                        .send(),
                412);
        assertThat(api().get("/api/movies/" + id).send().json().path("title").asString())
                .isEqualTo("First Editor");
    }

    private long create(String title) {
        ApiResponse created = api().post("/api/movies")
                .bearer(TestTokens.admin())
                .json(draft(title))
                .send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private static void assertField(ApiResponse response, String field) {
        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.path("errors").findValuesAsString("field")).contains(field);
    }

    @Test
    void aBlankYearIsRefusedNotStoredAsUnknown() {
        for (String year : new String[] {"\" \"", "\"\"", "\"1999\""}) {
            ApiResponse response = api().post("/api/movies")
                    .bearer(TestTokens.admin())
                    .rawJson("{\"title\":\"Blank Year\",\"year\":" + year + "}")
                    .send();
            JsonNode problem = assertProblem(response, 400);
            assertThat(problem.path("errors").findValuesAsString("field"))
                    .as("year %s", year)
                    .containsExactly("year");
        }
    }

    @Test
    void aHugeTitleIsRefusedAtOnce() {
        Map<String, Object> draft = draft(" ".repeat(900_000) + "x\u0001");
        ApiResponse response = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10),
                () -> api().post("/api/movies")
                        .bearer(TestTokens.admin())
                        .json(draft)
                        .send());
        assertProblem(response, 400, "validation");
        Map<String, Object> genres = draft("Genres");
        genres.put("genres", List.of("Sci|Fi"));
        assertProblem(
                api().post("/api/movies")
                        .bearer(TestTokens.admin())
                        .json(genres)
                        .send(),
                400,
                "validation");
    }

    /** The key set is fetched again at most every few seconds; meanwhile a forged key id is still a 401. */
    @Test
    void aTokenNamingAnUnknownKeyIsAlways401() {
        String forged = org.cinemates.platform.test.TestTokens.sign(
                org.cinemates.platform.test.TestTokens.claims(7, "mallory", List.of("USER", "ADMIN")),
                org.cinemates.platform.test.TestTokens.newKey("no-such-key-" + System.nanoTime()),
                "at+jwt");
        for (int attempt = 0; attempt < 3; attempt++) {
            assertProblem(
                    api().post("/api/movies")
                            .bearer(forged)
                            .json(draft("Forged Key"))
                            .send(),
                    401,
                    "invalid-token");
        }
        assertThat(api().post("/api/movies")
                        .bearer(TestTokens.admin())
                        .json(draft("Real Key"))
                        .send()
                        .status())
                .isEqualTo(201);
    }

    @Test
    void bracesInASearchAreSearchedFor() {
        org.cinemates.platform.test.RawHttp.Answer answer = org.cinemates.platform.test.RawHttp.send(
                "127.0.0.1", port, "GET /api/movies?q={x}|[y] HTTP/1.1\r\nHost: localhost");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
    }
}
