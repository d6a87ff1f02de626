package org.cinemates.preference.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The diary: logging viewings, the rating they keep in step, and what is refused. */
class DiaryIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "diary");
    }

    private ApiResponse log(Member member, Map<String, Object> body) {
        return api().post("/api/preferences/diary")
                .bearer(member.token())
                .json(body)
                .send();
    }

    private static Map<String, Object> viewing(long movieId, String watchedOn, @Nullable Object score) {
        Map<String, Object> body = new HashMap<>();
        body.put("movieId", movieId);
        body.put("watchedOn", watchedOn);
        body.put("score", score);
        return body;
    }

    private JsonNode ratingOf(Member member, long movieId) {
        for (JsonNode item : api().get("/api/preferences/ratings?size=100")
                .bearer(member.token())
                .send()
                .json()
                .path("items")) {
            if (item.path("movie").path("id").asLong() == movieId) {
                return item;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private JsonNode diary(Member member, String query) {
        ApiResponse response = api().get("/api/preferences/diary" + query)
                .bearer(member.token())
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    @Test
    void aLoggedViewingKeepsEverythingAndItsScoreBecomesTheRating() {
        Member ann = member("Ann");
        long heat = MOVIES.add("Heat");
        Map<String, Object> body = viewing(heat, "2026-03-14", 4.5);
        body.put("review", "  Still the best diner scene.  ");
        body.put("rewatch", true);
        body.put("liked", true);
        body.put("tags", List.of("cinema", " 35mm ", "Cinema", ""));

        ApiResponse created = log(ann, body);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode entry = created.json();
        assertThat(entry.path("id").asLong()).isPositive();
        assertThat(entry.path("movie").path("title").asString()).isEqualTo("Heat");
        assertThat(entry.path("watchedOn").asString()).isEqualTo("2026-03-14");
        assertThat(entry.path("score").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(entry.path("review").asString()).isEqualTo("Still the best diner scene.");
        assertThat(entry.path("rewatch").asBoolean()).isTrue();
        assertThat(entry.path("liked").asBoolean()).isTrue();
        assertThat(entry.path("tags").toString()).isEqualTo("[\"cinema\",\"35mm\"]");
        assertThat(entry.path("createdAt").asString()).isNotEmpty();
        assertThat(ratingOf(ann, heat).path("score").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(eventTypes(ann)).containsExactly("LOGGED", "RATED");
        JsonNode logged = events(ann).get(0).payload();
        assertThat(logged.path("entryId").asLong()).isEqualTo(entry.path("id").asLong());
        assertThat(logged.path("watchedOn").asString()).isEqualTo("2026-03-14");
        assertThat(logged.path("rewatch").asBoolean()).isTrue();
    }

    @Test
    void theLatestViewingWithAScoreIsTheRatingWhateverTheOrderTheyAreLogged() {
        Member ann = member("Ann");
        long alien = MOVIES.add("Alien");
        long later =
                log(ann, viewing(alien, "2025-10-31", 5.0)).json().path("id").asLong();
        log(ann, viewing(alien, "2019-06-01", 3.0));
        assertThat(ratingOf(ann, alien).path("score").decimalValue()).isEqualByComparingTo("5.0");

        Map<String, Object> noScore = viewing(alien, "2026-01-02", null);
        log(ann, noScore);
        assertThat(ratingOf(ann, alien).path("score").decimalValue()).isEqualByComparingTo("5.0");

        ApiResponse changed = api().patch("/api/preferences/diary/" + later)
                .bearer(ann.token())
                .json(Map.of("score", 2.5))
                .send();
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("score").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(changed.json().path("watchedOn").asString()).isEqualTo("2025-10-31");
        assertThat(ratingOf(ann, alien).path("score").decimalValue()).isEqualByComparingTo("2.5");

        ApiResponse deleted = api().delete("/api/preferences/diary/" + later)
                .bearer(ann.token())
                .send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(ratingOf(ann, alien).path("score").decimalValue()).isEqualByComparingTo("3.0");
        assertThat(diary(ann, "").path("total").asLong()).isEqualTo(2);
    }

    @Test
    void theDiaryListsLatestFirstByYearAndMonth() {
        Member ann = member("Ann");
        long a = MOVIES.add("Aa");
        long b = MOVIES.add("Bb");
        log(ann, viewing(a, "2024-02-10", 3.0));
        log(ann, viewing(b, "2024-02-20", 4.0));
        log(ann, viewing(a, "2024-05-01", 4.0));
        log(ann, viewing(b, "2023-12-31", 2.0));

        JsonNode all = diary(ann, "");
        assertThat(all.path("total").asLong()).isEqualTo(4);
        List<String> days = new ArrayList<>();
        all.path("items").forEach(item -> days.add(item.path("watchedOn").asString()));
        assertThat(days).containsExactly("2024-05-01", "2024-02-20", "2024-02-10", "2023-12-31");
        assertThat(diary(ann, "?year=2024").path("total").asLong()).isEqualTo(3);
        JsonNode february = diary(ann, "?year=2024&month=2&size=1");
        assertThat(february.path("total").asLong()).isEqualTo(2);
        assertThat(february.path("items").get(0).path("watchedOn").asString()).isEqualTo("2024-02-20");
        assertProblem(
                api().get("/api/preferences/diary?month=2").bearer(ann.token()).send(), 400, "validation");
    }

    @Test
    void refusesWhatAViewingCannotBe() {
        Member ann = member("Ann");
        long heat = MOVIES.add("Heat");
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();

        assertProblem(log(ann, viewing(heat, future, 3.0)), 400, "validation");
        assertProblem(log(ann, viewing(heat, "2026-02-30", 3.0)), 400);
        assertProblem(log(ann, viewing(heat, "1700-01-01", 3.0)), 400, "validation");
        assertProblem(log(ann, viewing(heat, "2024-01-01", 4.3)), 400, "validation");
        assertProblem(log(ann, viewing(heat, "2024-01-01", 0.0)), 400, "validation");
        assertProblem(log(ann, viewing(heat, "2024-01-01", 5.5)), 400, "validation");
        assertProblem(log(ann, viewing(heat, "2024-01-01", "4")), 400);
        Map<String, Object> longReview = viewing(heat, "2024-01-01", 3.0);
        longReview.put("review", "x".repeat(5001));
        assertProblem(log(ann, longReview), 400, "validation");
        Map<String, Object> manyTags = viewing(heat, "2024-01-01", 3.0);
        manyTags.put("tags", java.util.Collections.nCopies(21, "t"));
        assertProblem(log(ann, manyTags), 400, "validation");
        Map<String, Object> longTag = viewing(heat, "2024-01-01", 3.0);
        longTag.put("tags", List.of("t".repeat(51)));
        assertProblem(log(ann, longTag), 400, "validation");
        Map<String, Object> controlTag = viewing(heat, "2024-01-01", 3.0);
        controlTag.put("tags", List.of("a\nb"));
        assertProblem(log(ann, controlTag), 400, "validation");
        assertThat(diary(ann, "").path("total").asLong()).isZero();
        assertThat(eventTypes(ann)).isEmpty();
    }

    @Test
    void anotherMembersEntryCannotBeChangedOrRemoved() {
        Member ann = member("Ann");
        Member bob = member("Bob");
        long heat = MOVIES.add("Heat");
        long id = log(ann, viewing(heat, "2024-01-01", 3.0)).json().path("id").asLong();

        assertProblem(
                api().patch("/api/preferences/diary/" + id)
                        .bearer(bob.token())
                        .json(Map.of("score", 1.0))
                        .send(),
                404,
                "diary-entry-not-found");
        assertProblem(
                api().delete("/api/preferences/diary/" + id).bearer(bob.token()).send(), 404, "diary-entry-not-found");
        assertProblem(
                api().patch("/api/preferences/diary/" + id)
                        .bearer(ann.token())
                        .json(Map.of("movieId", 1))
                        .send(),
                400,
                "validation");
        assertProblem(
                api().patch("/api/preferences/diary/" + id)
                        .bearer(ann.token())
                        .json(Map.of("watchedOn", "2999-01-01"))
                        .send(),
                400,
                "validation");
        assertThat(diary(ann, "").path("items").get(0).path("score").decimalValue())
                .isEqualByComparingTo("3.0");
    }
}
