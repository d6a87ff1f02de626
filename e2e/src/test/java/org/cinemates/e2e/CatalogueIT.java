package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.List;
import java.util.Map;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The catalogue through nginx: search, micro-caching, and edits by an admin an operator made. */
@Order(3)
class CatalogueIT extends EndToEnd {

    @Test
    void theImportedCatalogueAnswersSearchesLikeApiMdSays() throws Exception {
        JsonNode status = importFinished();
        assertThat(status.path("state").asString()).isEqualTo("DONE");
        assertThat(status.path("skipped").asLong()).isZero();

        JsonNode toyStory = browser().get("/api/movies/1").send().json();
        assertThat(toyStory.path("title").asString()).isEqualTo("Toy Story");
        assertThat(toyStory.path("year").asInt()).isEqualTo(1995);
        if (status.path("source").asString().equals("ml-latest-small")) {
            // ./cinemates test starts this instance with --data ml-latest-small when it is at hand.
            assertThat(browser().get("/api/movies?size=1").send().total()).isEqualTo(9742);
            assertThat(toyStory.path("imdbId").asString()).isEqualTo("0114709");
            assertThat(toyStory.path("tmdbId").asLong()).isEqualTo(862);
        }

        assertThat(browser().get("/api/movies?q=amelie").send().itemIds()).contains(4973L);
        assertThat(browser().get("/api/movies?q=toy%20story").send().itemIds().get(0))
                .isEqualTo(1L);
        assertThat(browser().get("/api/movies?ids=3114,1,4973").send().itemIds())
                .containsExactly(3114L, 1L, 4973L);
        assertThat(browser()
                        .get("/api/movies/genres")
                        .send()
                        .json()
                        .path("items")
                        .size())
                .isPositive();

        assertProblem(browser().get("/api/movies/999999999").send(), 404);
        assertProblem(browser().get("/api/movies?size=101").send(), 400, "validation");
        assertProblem(browser().get("/api/movies?q=" + "x".repeat(201)).send(), 400, "validation");
        assertProblem(browser().get("/api/movies?sort=sideways").send(), 400);
    }

    /** The import runs in the background from start-up; the service answers meanwhile. */
    private static JsonNode importFinished() throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
        JsonNode status = browser().get("/api/movies/import").send().json();
        while (status.path("state").asString().equals("RUNNING")
                && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            status = browser().get("/api/movies/import").send().json();
        }
        return status;
    }

    @Test
    void anonymousReadsAreMicroCachedAndPersonalOnesAreNot() {
        Member viewer = join("Viewer");
        String path = "/api/movies/" + 6 + "?probe=" + System.nanoTime();

        ApiResponse first = browser().get(path).send();
        ApiResponse second = browser().get(path).send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("cache-control").orElse("")).contains("public").doesNotContain("no-store");
        assertThat(first.header("etag")).isPresent();
        assertThat(second.header("x-cache-status")).contains("HIT");
        assertThat(second.body()).isEqualTo(first.body());

        ApiResponse personal = browser()
                .get(path)
                .withoutCookies()
                .bearer(viewer.accessToken())
                .send();
        assertThat(personal.status()).isEqualTo(200);
        assertThat(personal.header("x-cache-status")).contains("BYPASS");

        ApiResponse notModified = browser()
                .get("/api/movies/6")
                .withoutCookies()
                .bearer(viewer.accessToken())
                .header("If-None-Match", first.header("etag").orElseThrow())
                .send();
        assertThat(notModified.status()).isEqualTo(304);
    }

    @Test
    void onlyAdminsEditTheCatalogueAndOperatorsMakeAdmins() throws Exception {
        Member curator = join("Editor");
        Map<String, Object> movie = Map.of("title", "The Journey Test", "year", 2026, "genres", List.of("Documentary"));

        assertProblem(browser().post("/api/movies").json(movie).send(), 401);
        assertProblem(curator.browser().post("/api/movies").json(movie).send(), 403);

        cinemates("admin", "grant", curator.username());
        curator.browser().post("/api/auth/refresh").send();

        ApiResponse created = curator.browser().post("/api/movies").json(movie).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(id).isGreaterThanOrEqualTo(10_000_000L);
        assertThat(browser()
                        .get("/api/movies/" + id)
                        .send()
                        .json()
                        .path("title")
                        .asString())
                .isEqualTo("The Journey Test");
        assertThat(browser().get("/api/movies?q=journey%20test").send().itemIds())
                .contains(id);

        assertProblem(
                curator.browser().post("/api/movies").json(Map.of("title", "")).send(), 400);
        assertProblem(
                curator.browser().post("/api/movies").json(movie).withoutCsrf().send(), 403, "csrf");
        assertThat(curator.browser().delete("/api/movies/" + id).send().status())
                .isEqualTo(204);
        assertProblem(curator.browser().delete("/api/movies/" + id).send(), 404);
        cinemates("admin", "revoke", curator.username());
    }
}
