package org.cinemates.movie.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.cinemates.movie.IntegrationTest;
import org.cinemates.movie.TestCatalogues;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** ml-latest-small end to end on PostgreSQL: all of it imported, quickly, and once. */
class MovieLensImportIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "movielens");
    }

    @Test
    void importsMlLatestSmallCompletelyAndAgainWithoutChanges() {
        long started = System.nanoTime();
        ImportStatus first = importFolder(TestCatalogues.movieLensSmall());
        long firstMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(first.state()).as("%s", first).isEqualTo("DONE");
        assertThat(first.source()).isEqualTo("ml-latest-small");
        assertThat(first.inserted()).isEqualTo(9742);
        assertThat(first.skipped()).isZero();
        assertThat(first.processed()).isEqualTo(first.total()).isEqualTo(9742 + 9742 + 3683 + 100836);
        assertThat(firstMillis).as("import time in ms").isLessThan(10_000);

        JsonNode toyStory = api().get("/api/movies/1").send().json();
        assertThat(toyStory.path("title").asString()).isEqualTo("Toy Story");
        assertThat(toyStory.path("year").asInt()).isEqualTo(1995);
        assertThat(toyStory.path("imdbId").asString()).isEqualTo("0114709");
        assertThat(toyStory.path("tmdbId").asLong()).isEqualTo(862);
        assertThat(api().get("/api/movies?q=amelie").send().itemIds().get(0)).isEqualTo(4973);
        assertThat(api().get("/api/movies?q=toy%20story").send().itemIds().get(0))
                .isEqualTo(1);
        assertThat(api().get("/api/movies").send().total()).isEqualTo(9742);

        started = System.nanoTime();
        ImportStatus second = importFolder(TestCatalogues.movieLensSmall());
        long secondMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(second.state()).isEqualTo("DONE");
        assertThat(second.inserted()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(api().get("/api/movies").send().total()).isEqualTo(9742);
        System.out.printf(
                "ml-latest-small on PostgreSQL: first import %d ms, second (nothing changed) %d ms%n",
                firstMillis, secondMillis);
    }
}
