package org.cinemates.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The default run mode: the same migrations and queries on embedded H2. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:preferences-embedded;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "cinemates.security.service-token=" + IntegrationTest.SERVICE_TOKEN
        })
class EmbeddedDatabaseIT extends IntegrationTest {

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        useFakes(registry);
    }

    @Test
    void membersRateReviewSaveAndGetRecommendationsOnH2() {
        Member ann = member("H2ann");
        Member bob = member("H2bob");
        USERS.befriend(ann.id(), bob.id());
        long heat = MOVIES.add("Heat");
        long ronin = MOVIES.add("Ronin");
        long popular = MOVIES.add("Popular");
        MOVIES.popular(List.of(popular, heat));

        assertThat(rate(ann, heat, 4.5, null).status()).isEqualTo(201);
        ApiResponse updated = rate(ann, heat, 4.0, "Still great");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("score").asDouble()).isEqualTo(4.0);
        assertThat(rate(bob, heat, 3.5, null).status()).isEqualTo(201);
        assertThat(rate(bob, ronin, 5.0, null).status()).isEqualTo(201);
        assertThat(eventTypes(ann)).containsExactly("RATED", "REVIEWED");

        JsonNode ratings = get(bob, "/api/preferences/ratings?size=1");
        assertThat(ratings.path("total").asLong()).isEqualTo(2);
        assertThat(ratings.path("items").get(0).path("movie").path("title").asString())
                .isEqualTo("Ronin");

        JsonNode summary = get(ann, "/api/preferences/movies/" + heat + "/summary");
        assertThat(summary.has("degraded")).as("%s", summary).isFalse();
        assertThat(summary.path("average").decimalValue()).isEqualByComparingTo("3.75");
        assertThat(summary.path("count").asLong()).isEqualTo(2);
        assertThat(summary.path("myScore").asDouble()).isEqualTo(4.0);
        assertThat(summary.path("friends").get(0).path("user").path("id").asLong())
                .isEqualTo(bob.id());

        assertThat(put(ann, "/api/preferences/watchlist/" + ronin).status()).isEqualTo(204);
        assertThat(put(ann, "/api/preferences/watchlist/" + ronin).status()).isEqualTo(204);
        assertThat(get(ann, "/api/preferences/watchlist").path("total").asLong())
                .isEqualTo(1);

        JsonNode recommended = get(ann, "/api/preferences/recommendations");
        assertThat(recommended
                        .path("items")
                        .valueStream()
                        .map(item -> item.path("movie").path("id").asLong())
                        .toList())
                .containsExactly(ronin, popular);

        JsonNode home = get(ann, "/api/preferences/home");
        assertThat(home.has("degraded")).as("%s", home).isFalse();
        assertThat(home.path("recommendations").size()).isEqualTo(2);

        assertThat(api().delete("/api/preferences/ratings/" + heat)
                        .bearer(ann.token())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(eventTypes(ann)).containsExactly("RATED", "REVIEWED", "WATCHLISTED", "RATING_DELETED");
    }

    @Test
    void describesItsApiWithOpenApi() {
        ApiResponse docs = api().get("/v3/api-docs").send();

        assertThat(docs.status()).as("%s", docs).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames())
                .contains(
                        "/api/preferences/ratings/{movieId}",
                        "/api/preferences/ratings",
                        "/api/preferences/watchlist/{movieId}",
                        "/api/preferences/movies/{movieId}/summary",
                        "/api/preferences/recommendations",
                        "/api/preferences/home");
    }

    private ApiResponse rate(
            Member member, long movieId, double score, @org.jspecify.annotations.Nullable String review) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("score", score);
        if (review != null) {
            body.put("review", review);
        }
        return api().put("/api/preferences/ratings/" + movieId)
                .bearer(member.token())
                .json(body)
                .send();
    }

    private ApiResponse put(Member member, String path) {
        return api().put(path).bearer(member.token()).send();
    }

    private JsonNode get(Member member, String path) {
        ApiResponse response = api().get(path).bearer(member.token()).send();
        assertThat(response.status()).as("%s %s", path, response).isEqualTo(200);
        return response.json();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.cinemates.preference.community.CommunityImport communityImport;

    @Test
    void communityRatingsImportInBatchesOnH2() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("h2-community");
        java.nio.file.Path file = dir.resolve("ratings.csv");
        java.nio.file.Files.writeString(
                file,
                "userId,movieId,rating,timestamp\n1,10,4.0,964982703\n1,10,4.5,964982704\n2,10,9,1\n2,11,3.0,5\n");

        var status = communityImport.importFile(file);

        assertThat(status.state()).isEqualTo(org.cinemates.preference.community.ImportStatus.State.DONE);
        assertThat(status.processed()).isEqualTo(4);
        assertThat(status.skipped()).isEqualTo(1);
        assertThat(status.errors().get(0).line()).isEqualTo(4);
        assertThat(jdbc.sql("select score from community_ratings where rater_id = 1 and movie_id = 10")
                        .query(java.math.BigDecimal.class)
                        .single())
                .as("the later row wins")
                .isEqualByComparingTo("4.5");
        java.nio.file.Files.setLastModifiedTime(
                file,
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));
        communityImport.importFile(file);
        assertThat(jdbc.sql("select count(*) from community_ratings")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
