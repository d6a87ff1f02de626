package org.cinemates.preference.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The community ratings import: counts, bad rows with their lines, progress, idempotency. */
class CommunityImportIT extends IntegrationTest {

    private static final Path DIR = folder();

    private static final String RATINGS = """
            userId,movieId,rating,timestamp
            1,10,4.0,964982703
            1,11,5.0,964982224
            2,10,3.5,964982931
            x,10,4.0,1
            3,10,7.0,1
            3,0,4.0,1
            3,12,4.0,abc
            3,12,4.0
            2,11,2.5,964983000
            """;

    private static Path folder() {
        try {
            Path dir = Files.createTempDirectory("community-import");
            Files.writeString(dir.resolve(CommunityImport.FILE), RATINGS);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "community");
        registry.add("cinemates.preferences.ratings-dir", DIR::toString);
        registry.add("cinemates.data-dir", () -> DIR.resolve("data").toString());
    }

    @Autowired
    CommunityImport communityImport;

    @Autowired
    CommunityRatings communityRatings;

    private JsonNode awaitDone() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            ApiResponse response = api().get("/api/preferences/import").send();
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            JsonNode status = response.json();
            String state = status.path("state").asString();
            if (!state.equals("RUNNING") && !state.equals("IDLE")
                    || Instant.now().isAfter(deadline)) {
                return status;
            }
            Thread.sleep(50);
        }
    }

    private long stored() {
        return jdbc.sql("select count(*) from community_ratings")
                .query(Long.class)
                .single();
    }

    private Instant importedAt() {
        return jdbc.sql("select imported_at from community_imports where id = 1")
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    @Test
    void importsAtStartUpReportingBadRowsWithTheirLines() throws Exception {
        JsonNode status = awaitDone();

        assertThat(status.path("state").asString()).isEqualTo("DONE");
        assertThat(status.path("total").asLong()).isEqualTo(9);
        assertThat(status.path("processed").asLong()).isEqualTo(9);
        assertThat(status.path("skipped").asLong()).isEqualTo(5);
        assertThat(status.path("startedAt").isNull()).isFalse();
        assertThat(status.path("finishedAt").isNull()).isFalse();
        List<Long> lines = status.path("errors")
                .valueStream()
                .map(error -> error.path("line").asLong())
                .toList();
        assertThat(lines).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(status.path("errors").get(0).path("message").asString()).contains("userId");
        assertThat(status.path("errors").get(1).path("message").asString()).contains("rating");
        assertThat(status.path("errors").get(2).path("message").asString()).contains("movieId");
        assertThat(status.path("errors").get(3).path("message").asString()).contains("timestamp");
        assertThat(status.path("errors").get(4).path("message").asString()).contains("4 fields");
        assertThat(stored()).isEqualTo(4);
        assertThat(jdbc.sql("select score from community_ratings where rater_id = 2 and movie_id = 11")
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("2.5");
        // Training reads each rating with the moment it was made (what a member rated in one sitting
        // counts for the ranker).
        List<String> read = new java.util.ArrayList<>();
        communityRatings.forEach((rater, movie, score, at) -> read.add(rater + "," + movie + "," + score + "," + at));
        assertThat(read)
                .containsExactlyInAnyOrder(
                        "1,10,4.0,964982703", "1,11,5.0,964982224", "2,10,3.5,964982931", "2,11,2.5,964983000");
    }

    @Test
    void anUnchangedFileIsNotImportedAgainAndAChangedOneReplacesTheRatings() throws Exception {
        awaitDone();
        Path file = DIR.resolve(CommunityImport.FILE);
        Instant first = importedAt();

        ImportStatus again = communityImport.importFile(file);

        assertThat(again.state()).isEqualTo(ImportStatus.State.DONE);
        assertThat(importedAt()).as("skipped, not imported again").isEqualTo(first);
        assertThat(stored()).isEqualTo(4);

        // The same rows with a new modification time: imported again, and nothing changes.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(communityImport.importFile(file).state()).isEqualTo(ImportStatus.State.DONE);
        assertThat(importedAt()).isAfter(first);
        assertThat(stored()).isEqualTo(4);

        Files.writeString(file, RATINGS + "4,10,4.5,964983001\n");
        ImportStatus grown = communityImport.importFile(file);
        assertThat(grown.total()).isEqualTo(10);
        assertThat(stored()).isEqualTo(5);

        Files.writeString(file, RATINGS);
        communityImport.importFile(file);
        assertThat(stored()).isEqualTo(4);
    }

    @Test
    void aMoviesSummaryShowsItsCommunityRatingsApartFromTheMembers() throws Exception {
        awaitDone();
        MOVIES.put(10, "Ten", 1995, "0000010", null);
        MOVIES.put(12, "Twelve", 1995, "0000012", null);
        Member member = member("Summary reader");
        ApiResponse rated = api().put("/api/preferences/ratings/10")
                .bearer(member.token())
                .json(java.util.Map.of("score", 1.0))
                .send();
        assertThat(rated.status()).as("%s", rated).isIn(200, 201);

        JsonNode ten = api().get("/api/preferences/movies/10/summary")
                .bearer(member.token())
                .send()
                .json();
        assertThat(ten.path("count").asLong()).as("members only").isEqualTo(1);
        assertThat(ten.path("average").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(ten.path("community").path("count").asLong()).isEqualTo(2);
        assertThat(ten.path("community").path("average").decimalValue()).isEqualByComparingTo("3.75");

        JsonNode twelve = api().get("/api/preferences/movies/12/summary")
                .bearer(member.token())
                .send()
                .json();
        assertThat(twelve.has("community"))
                .as("no community rating of it: %s", twelve)
                .isFalse();
    }

    @Test
    void theProgressIsPublic() {
        ApiResponse response = api().get("/api/preferences/import").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().has("state")).isTrue();
    }
}
