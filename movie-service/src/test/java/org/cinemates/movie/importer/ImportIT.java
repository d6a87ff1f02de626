package org.cinemates.movie.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cinemates.movie.IntegrationTest;
import org.cinemates.movie.TestCatalogues;
import org.cinemates.movie.TestTokens;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Imports of good, bad and hostile MovieLens files into PostgreSQL. Each test uses movie ids of
 * its own, so their imports do not meet.
 */
class ImportIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "imports");
    }

    @Test
    void importsMoviesWithTheirLinksTagsAndPopularity() {
        Path folder =
                TestCatalogues.folder(Map.of("movies.csv", """
                movieId,title,genres
                7000001,Heat (1995),Action|Crime|Thriller
                7000002,"Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)",Comedy|Romance
                7000003,Babylon 5,Sci-Fi
                7000004,Death Note: Desu nôto (2006–2007),(no genres listed)
                7000005,"Good, the Bad and the Ugly, The (Buono, il brutto, il cattivo, Il) (1966)",Action|Western
                """, "links.csv", """
                movieId,imdbId,tmdbId
                7000001,0113277,949
                7000002,0211915,
                """, "tags.csv", """
                userId,movieId,tag,timestamp
                1,7000001,heist,1
                2,7000001,Heist,2
                3,7000001,Al Pacino,3
                4,7000001,heist ,4
                5,7999999,orphan tag,5
                """, "ratings.csv", """
                userId,movieId,rating,timestamp
                1,7000001,4.0,1
                2,7000001,5.0,2
                3,7000002,3.5,3
                """));

        ImportStatus status = importFolder(folder);

        assertThat(status.state()).as("%s", status).isEqualTo("DONE");
        assertThat(status.error()).isNull();
        assertThat(status.inserted()).isEqualTo(5);
        assertThat(status.processed()).isEqualTo(status.total()).isEqualTo(15);
        assertThat(status.skipped()).isZero();
        assertThat(status.files())
                .extracting(ImportStatus.FileCounts::name, ImportStatus.FileCounts::rows)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("movies.csv", 5L),
                        org.assertj.core.groups.Tuple.tuple("links.csv", 2L),
                        org.assertj.core.groups.Tuple.tuple("tags.csv", 5L),
                        org.assertj.core.groups.Tuple.tuple("ratings.csv", 3L));

        JsonNode heat = movie(7000001);
        assertThat(heat.path("title").asString()).isEqualTo("Heat");
        assertThat(heat.path("year").asInt()).isEqualTo(1995);
        assertThat(heat.path("imdbId").asString()).isEqualTo("0113277");
        assertThat(heat.path("tmdbId").asLong()).isEqualTo(949);
        assertThat(heat.path("popularity").asInt()).isEqualTo(2);
        assertThat(strings(heat.path("tags"))).containsExactly("Heist", "Al Pacino");

        JsonNode amelie = movie(7000002);
        assertThat(amelie.path("title").asString()).isEqualTo("Amelie (Fabuleux destin d'Amélie Poulain, Le)");
        assertThat(amelie.path("tmdbId").isNull()).isTrue();
        assertThat(movie(7000003).path("year").isNull()).isTrue();
        JsonNode deathNote = movie(7000004);
        assertThat(deathNote.path("title").asString()).isEqualTo("Death Note: Desu nôto");
        assertThat(deathNote.path("year").asInt()).isEqualTo(2006);
        assertThat(deathNote.path("genres").size()).isZero();
        assertThat(strings(movie(7000005).path("genres"))).containsExactly("Action", "Western");
        assertThat(api().get("/api/movies?q=desu%20noto").send().itemIds().get(0))
                .isEqualTo(7000004);
    }

    @Test
    void skipsEveryKindOfBadRowAndReportsItsLine() {
        var movies = new ByteArrayOutputStream();
        write(movies, "movieId,title,genres\n");
        write(movies, "7001001,Good One (2001),Drama\n"); // 2
        write(movies, "7001002,Only Two Fields (2001)\n"); // 3
        write(movies, "seven,Bad Id (2001),Drama\n"); // 4
        write(movies, "7001004,\"Unclosed Quote (2001),Drama\n"); // 5
        movies.writeBytes(
                new byte[] {'7', '0', '0', '1', '0', '0', '5', ',', 'B', 'a', 'd', ' ', (byte) 0xC3, '(', ',', 'D', '\n'
                }); // 6
        write(movies, "7001006,Good Two (2002),Comedy\n"); // 7
        write(movies, "7001007,\"Quoted\" then text,Drama\n"); // 8
        write(movies, "7001008,Bell\u0007 (2003),Drama\n"); // 9
        write(movies, "10000000,Id Too Large (2004),Drama\n"); // 10
        write(movies, "7001001,Duplicate Of Line Two (2005),Drama\n"); // 11
        write(movies, "\n"); // 12
        write(movies, "7001012,,Drama\n"); // 13
        write(movies, "7001013,Good Three (2003),Drama|Comedy"); // 14, no line break at the end
        Path folder = TestCatalogues.folder(
                Map.of("links.csv", "movieId,imdbId,tmdbId\n7001001,tt0114709,862\n7001006,0114709,eight\n"));
        TestCatalogues.write(folder.resolve("movies.csv"), movies.toByteArray());

        ImportStatus status = importFolder(folder);

        assertThat(status.state()).as("%s", status).isEqualTo("DONE");
        assertThat(status.skipped()).isEqualTo(12);
        assertThat(status.inserted()).isEqualTo(3);
        assertThat(status.errors())
                .extracting(ImportStatus.RowError::file, ImportStatus.RowError::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("movies.csv", 3L),
                        org.assertj.core.groups.Tuple.tuple("movies.csv", 4L),
                        org.assertj.core.groups.Tuple.tuple("movies.csv", 5L),
                        org.assertj.core.groups.Tuple.tuple("movies.csv", 6L),
                        org.assertj.core.groups.Tuple.tuple("movies.csv", 8L),
                        org.assertj.core.groups.Tuple.tuple("movies.csv", 9L),
                        org.assertj.core.groups.Tuple.tuple("movies.csv", 10L),
                        org.assertj.core.groups.Tuple.tuple("movies.csv", 11L),
                        org.assertj.core.groups.Tuple.tuple("movies.csv", 12L),
                        org.assertj.core.groups.Tuple.tuple("movies.csv", 13L),
                        org.assertj.core.groups.Tuple.tuple("links.csv", 2L),
                        org.assertj.core.groups.Tuple.tuple("links.csv", 3L));
        assertThat(status.errors())
                .extracting(ImportStatus.RowError::message)
                .containsExactly(
                        "has 2 fields, expected 3 (movieId,title,genres)",
                        "has a movieId that is not a number from 1 to 9999999: 'seven'",
                        "has a quote that is not closed",
                        "is not valid UTF-8",
                        "has text after a closing quote",
                        "has control characters",
                        "has a movieId that is not a number from 1 to 9999999: '10000000'",
                        "repeats movieId 7001001 of an earlier line",
                        "is empty",
                        "has no title",
                        "has an imdbId that is not a number of up to 10 digits: 'tt0114709'",
                        "has a tmdbId that is not a number: 'eight'");
        assertThat(movie(7001001).path("title").asString()).isEqualTo("Good One");
        assertThat(movie(7001006).path("title").asString()).isEqualTo("Good Two");
        assertThat(strings(movie(7001013).path("genres"))).containsExactly("Drama", "Comedy");
        assertProblem(api().get("/api/movies/7001002").send(), 404, "movie-not-found");
    }

    @Test
    void hostileFilesCannotExhaustMemoryOrSwallowWhatFollows() {
        var movies = new ByteArrayOutputStream();
        write(movies, "movieId,title,genres\n");
        write(movies, "7002001,Before The Storm (2001),Drama\n"); // 2
        write(movies, "7002002,\"" + "x".repeat(4_000_000) + "\n"); // 3: 4 MB, quote never closes
        write(movies, "7002003," + ",".repeat(20_000) + "\n"); // 4: 20,000 columns
        write(movies, "7002004,\"never closed,Drama\n"); // 5
        byte[] garbage = new byte[100_000];
        new java.util.Random(42).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == '\n') {
                garbage[i] = 0;
            }
        }
        movies.writeBytes(garbage); // 6: binary, no line break of its own
        write(movies, "\n");
        for (int i = 0; i < 200_000; i++) {
            write(movies, "not a movie\n"); // 7 .. 200006
        }
        write(movies, "7002005,After The Storm (2002),Comedy\n"); // 200007
        Path folder = TestCatalogues.folder(Map.of());
        TestCatalogues.write(folder.resolve("movies.csv"), movies.toByteArray());

        ImportStatus status = importFolder(folder);

        assertThat(status.state()).as("%s", status.error()).isEqualTo("DONE");
        assertThat(status.skipped()).isEqualTo(200_004);
        assertThat(status.processed()).isEqualTo(200_006);
        assertThat(status.errors()).hasSize(50);
        assertThat(status.errors().subList(0, 4))
                .extracting(ImportStatus.RowError::line, ImportStatus.RowError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "is longer than 16384 bytes"),
                        org.assertj.core.groups.Tuple.tuple(4L, "is longer than 16384 bytes"),
                        org.assertj.core.groups.Tuple.tuple(5L, "has a quote that is not closed"),
                        org.assertj.core.groups.Tuple.tuple(6L, "is longer than 16384 bytes"));
        assertThat(movie(7002001).path("title").asString()).isEqualTo("Before The Storm");
        assertThat(movie(7002005).path("title").asString()).isEqualTo("After The Storm");
    }

    @Test
    void tooManyColumnsOnAShortLineAreRefusedToo() {
        Path folder = TestCatalogues.folder(
                Map.of("movies.csv", "movieId,title,genres\n7003001,Wide (2001),Drama," + "x,".repeat(3000) + "\n"));
        ImportStatus status = importFolder(folder);
        assertThat(status.errors())
                .extracting(ImportStatus.RowError::message)
                .containsExactly("has more than 3 fields");
    }

    @Test
    void aMissingMoviesFileFailsClearlyAndTheCatalogueKeepsServing() {
        importFolder(TestCatalogues.folder(Map.of("movies.csv", "movieId,title,genres\n7004001,Kept (2001),Drama\n")));

        ImportStatus failed =
                importFolder(TestCatalogues.folder(Map.of("links.csv", "movieId,imdbId,tmdbId\n7004001,0000001,1\n")));

        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.error()).contains("movies.csv is missing");
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(movie(7004001).path("title").asString()).isEqualTo("Kept");
        assertThat(movie(7004001).path("imdbId").isNull()).isTrue();
        JsonNode shown = api().get("/api/movies/import").send().json();
        assertThat(shown.path("state").asString()).isEqualTo("FAILED");
        assertThat(shown.path("error").asString()).contains("movies.csv is missing");

        ImportStatus noFolder = importFolder(Path.of("no-such-catalogue-folder"));
        assertThat(noFolder.state()).isEqualTo("FAILED");
        assertThat(noFolder.error()).isEqualTo("The catalogue folder no-such-catalogue-folder does not exist");
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() {
        Map<String, String> files = Map.of(
                "movies.csv",
                "movieId,title,genres\n7005001,Same Again (2001),Drama\n7005002,And Again (2002),Comedy\n",
                "links.csv",
                "movieId,imdbId,tmdbId\n7005001,0000123,123\n",
                "tags.csv",
                "userId,movieId,tag,timestamp\n1,7005001,twice,1\n2,7005001,twice,2\n3,7005001,once,3\n");
        assertThat(importFolder(TestCatalogues.folder(files)).inserted()).isEqualTo(2);
        String etag = api().get("/api/movies/7005001").send().header("ETag").orElseThrow();

        ImportStatus again = importFolder(TestCatalogues.folder(files));

        assertThat(again.state()).isEqualTo("DONE");
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(strings(movie(7005001).path("tags"))).containsExactly("twice", "once");
        assertThat(api().get("/api/movies/7005001").send().header("ETag")).contains(etag);
        assertThat(api().get("/api/movies?q=same%20again").send().total()).isEqualTo(1);
    }

    @Test
    void aChangedFileUpdatesTitlesAndReplacesTagCounts() {
        importFolder(TestCatalogues.folder(Map.of(
                "movies.csv",
                "movieId,title,genres\n7006001,Old Title (2001),Drama\n7006002,Untouched (2002),Comedy\n",
                "links.csv",
                "movieId,imdbId,tmdbId\n7006001,0000456,456\n",
                "tags.csv",
                "userId,movieId,tag,timestamp\n1,7006001,first,1\n2,7006001,first,2\n")));
        assertThat(movie(7006001).path("title").asString()).isEqualTo("Old Title");

        ImportStatus changed = importFolder(TestCatalogues.folder(Map.of(
                "movies.csv",
                "movieId,title,genres\n7006001,New Title (2001),Drama|Mystery\n7006002,Untouched (2002),Comedy\n",
                "tags.csv",
                "userId,movieId,tag,timestamp\n3,7006001,second,3\n")));

        assertThat(changed.inserted()).isZero();
        assertThat(changed.updated()).isEqualTo(1);
        JsonNode movie = movie(7006001);
        assertThat(movie.path("title").asString()).isEqualTo("New Title");
        assertThat(strings(movie.path("genres"))).containsExactly("Drama", "Mystery");
        assertThat(movie.path("imdbId").asString())
                .as("links kept without links.csv")
                .isEqualTo("0000456");
        assertThat(strings(movie.path("tags"))).containsExactly("second");
        JsonNode oldTitle = api().get("/api/movies?q=old%20title").send().json();
        assertThat(oldTitle.path("items").valueStream().map(m -> m.path("title").asString()))
                .doesNotContain("Old Title");
    }

    @Test
    void adminEditsAndRemovalsSurviveLaterImports() {
        Map<String, String> files = Map.of(
                "movies.csv",
                "movieId,title,genres\n7007001,Typo Titel (2001),Drama\n7007002,Unwanted (2002),Comedy\n");
        importFolder(TestCatalogues.folder(files));
        String admin = TestTokens.admin();
        assertThat(api().put("/api/movies/7007001")
                        .bearer(admin)
                        .json(Map.of("title", "Typo Title", "year", 2001, "genres", List.of("Drama")))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api().delete("/api/movies/7007002").bearer(admin).send().status())
                .isEqualTo(204);

        ImportStatus again = importFolder(TestCatalogues.folder(files));

        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(movie(7007001).path("title").asString()).isEqualTo("Typo Title");
        assertProblem(api().get("/api/movies/7007002").send(), 404, "movie-not-found");
    }

    @Test
    void theStatusShowsTheNewestImportToAnyone() {
        importFolder(TestCatalogues.folder(
                Map.of("movies.csv", "movieId,title,genres\n7008001,Status (2001),Drama\nbad row\n")));

        ApiResponse response = api().get("/api/movies/import").send();

        assertThat(response.status()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.path("state").asString()).isEqualTo("DONE");
        assertThat(status.path("processed").asLong()).isEqualTo(2);
        assertThat(status.path("total").asLong()).isEqualTo(2);
        assertThat(status.path("skipped").asLong()).isEqualTo(1);
        assertThat(Instant.parse(status.path("startedAt").asString()))
                .isBeforeOrEqualTo(Instant.parse(status.path("finishedAt").asString()));
        assertThat(status.has("error")).isFalse();
        JsonNode error = status.path("errors").get(0);
        assertThat(error.path("file").asString()).isEqualTo("movies.csv");
        assertThat(error.path("line").asLong()).isEqualTo(3);
        assertThat(error.path("message").asString()).startsWith("has 1 fields");
    }

    @Test
    void onlyAdminsStartAnImportAndItRunsInTheBackground() throws InterruptedException {
        assertProblem(api().post("/api/movies/import").send(), 401);
        assertProblem(
                api().post("/api/movies/import").bearer(TestTokens.member()).send(), 403, "forbidden");

        ApiResponse started =
                api().post("/api/movies/import").bearer(TestTokens.admin()).send();

        assertThat(started.status()).as("%s", started).isEqualTo(202);
        assertThat(started.header("Location")).contains("/api/movies/import");
        assertThat(started.json().path("source").asString()).isEqualTo("sample");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode status = started.json();
        while (status.path("state").asString().equals("RUNNING")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = api().get("/api/movies/import").send().json();
        }
        assertThat(status.path("state").asString()).isEqualTo("DONE");
        assertThat(status.path("files").get(0).path("rows").asLong()).isGreaterThanOrEqualTo(300);
        assertThat(api().get("/api/movies?q=wall-e").send().itemIds().get(0)).isEqualTo(60069);
    }

    private JsonNode movie(long id) {
        ApiResponse response = api().get("/api/movies/" + id).send();
        assertThat(response.status()).as("movie %s: %s", id, response).isEqualTo(200);
        return response.json();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
