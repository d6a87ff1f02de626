package org.cinemates.preference.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.preference.history.Uploads.utf8;
import static org.cinemates.preference.history.Uploads.zip;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Importing history from Letterboxd, IMDb and Trakt files written by hand in their formats:
 * matching, review, choices, apply, idempotence, undo, refusals and the round trip.
 */
class HistoryImportIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NAMES = new AtomicInteger();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "historyimports");
        registry.add("cinemates.preferences.imports.catalogue-ttl", () -> "0s");
        registry.add("cinemates.preferences.imports.max-rows", () -> "1000");
    }

    /** A word no other test's titles hold, so matching sees only this test's movies. */
    private static String unique() {
        int n = NAMES.incrementAndGet();
        StringBuilder word = new StringBuilder("Q");
        for (int i = 0; i < 4; i++) {
            word.append((char) ('a' + (n + i * 7) % 26));
            n /= 3;
        }
        return word.append(NAMES.get()).toString();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private JsonNode upload(Member member, String name, byte[] file) {
        Uploads.Answer answer = Uploads.upload(base(), member.token(), name, file);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return awaitSettled(member, JSON.readTree(answer.body()).path("id").asLong());
    }

    private JsonNode refused(Member member, String name, byte[] file) {
        Uploads.Answer answer = Uploads.upload(base(), member.token(), name, file);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:cinemates:problem:import-refused");
        return problem;
    }

    private JsonNode awaitSettled(Member member, long id) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            ApiResponse response = api().get("/api/preferences/imports/" + id)
                    .bearer(member.token())
                    .send();
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            String state = response.json().path("state").asString();
            if (!state.equals("ANALYSING") && !state.equals("APPLYING")) {
                return response.json();
            }
            assertThat(Instant.now()).as("import %d still %s", id, state).isBefore(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private JsonNode apply(Member member, long id) {
        ApiResponse response = api().post("/api/preferences/imports/" + id + "/apply")
                .bearer(member.token())
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(202);
        return awaitSettled(member, id);
    }

    private JsonNode undo(Member member, long id) {
        ApiResponse response = api().delete("/api/preferences/imports/" + id)
                .bearer(member.token())
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(202);
        return awaitSettled(member, id);
    }

    private JsonNode diary(Member member) {
        return api().get("/api/preferences/diary?size=100")
                .bearer(member.token())
                .send()
                .json();
    }

    private Map<Long, String> ratings(Member member) {
        Map<Long, String> scores = new LinkedHashMap<>();
        api().get("/api/preferences/ratings?size=100")
                .bearer(member.token())
                .send()
                .json()
                .path("items")
                .forEach(item -> scores.put(
                        item.path("movie").path("id").asLong(),
                        item.path("score").decimalValue().toPlainString()));
        return scores;
    }

    private List<Long> watchlist(Member member) {
        List<Long> ids = new ArrayList<>();
        api().get("/api/preferences/watchlist?size=100")
                .bearer(member.token())
                .send()
                .json()
                .path("items")
                .forEach(item -> ids.add(item.path("movie").path("id").asLong()));
        return ids;
    }

    private static JsonNode reviewRow(JsonNode view, int row) {
        for (JsonNode item : view.path("review")) {
            if (item.path("row").asInt() == row) {
                return item;
            }
        }
        throw new AssertionError("row " + row + " is not up for review in " + view);
    }

    @Test
    void aLetterboxdExportIsMatchedReviewedAppliedOnceAndUndoneExactly() {
        String u = unique();
        long lantern = MOVIES.add("Lantern Keeper " + u + ", The", 1999);
        long amelie = MOVIES.add("Fabuleux destin d'Amélie " + u + ", Le (Amelie " + u + ")", 2001);
        long harbour = MOVIES.add("Harbour " + u, 1995);
        long seven = MOVIES.add("Seven " + u + " (a.k.a. Se7en " + u + ")", 1995);
        long twinA = MOVIES.add("Twin " + u, 2010);
        long twinB = MOVIES.add("Twin " + u, 2010);
        long comet = MOVIES.add("Comet " + u, 1979);
        Member ann = member("Ann");
        ApiResponse rated = api().put("/api/preferences/ratings/" + harbour)
                .bearer(ann.token())
                .json(Map.of("score", 2.0, "review", "Mine before"))
                .send();
        assertThat(rated.status()).isEqualTo(201);

        String diaryCsv = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n"
                + "2024-01-02,The Lantern Keeper " + u + ",1999,https://boxd.it/a1,4.5,,,2024-01-01\n"
                + "2024-02-03,Amélie " + u + ",2001,https://boxd.it/a2,4,Yes,\"paris, cosy\",2024-02-02\n"
                + "2024-03-04,Harbour " + u + ",1995,https://boxd.it/a3,3.5,,,2024-03-03\n"
                + "2024-03-05,Twin " + u + ",2010,https://boxd.it/a4,3,,,2024-03-05\n"
                + "2024-03-06,Nothing Like It " + u + ",2011,https://boxd.it/a5,2,,,2024-03-06\n";
        String reviewsCsv = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n"
                + "2024-03-04,Harbour " + u + ",1995,https://boxd.it/a3,3.5,,\"<p>Slow &amp; <b>lovely</b>.</p>"
                + "<p>Again soon.</p>\",,2024-03-03\n";
        String ratingsCsv = "Date,Name,Year,Letterboxd URI,Rating\n"
                + "2024-01-02,The Lantern Keeper " + u + ",1999,https://boxd.it/b1,4.5\n"
                + "2023-05-05,Se7en " + u + ",1995,https://boxd.it/b2,5\n";
        String watchlistCsv =
                "Date,Name,Year,Letterboxd URI\n" + "2024-04-01,Comet " + u + ",1980,https://boxd.it/c1\n";
        String likesCsv =
                "Date,Name,Year,Letterboxd URI\n" + "2024-01-02,The Lantern Keeper " + u + ",1999,https://boxd.it/d1\n";
        String listCsv = "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n"
                + "2024-01-01,Favourites,,https://boxd.it/l1,Mine\n\n"
                + "Position,Name,Year,URL,Description\n1,Harbour " + u + ",1995,https://boxd.it/a3,\n";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("diary.csv", utf8(diaryCsv));
        files.put("reviews.csv", utf8(reviewsCsv));
        files.put("ratings.csv", utf8(ratingsCsv));
        files.put("watchlist.csv", utf8(watchlistCsv));
        files.put("likes/films.csv", utf8(likesCsv));
        files.put("lists/favourites.csv", utf8(listCsv));
        files.put("profile.csv", utf8("Date Joined,Username\n2020-01-01,ann\n"));
        byte[] export = zip(files);

        JsonNode preview = upload(ann, "letterboxd-ann.zip", export);

        assertThat(preview.path("state").asString()).isEqualTo("PREVIEW");
        assertThat(preview.path("source").asString()).isEqualTo("LETTERBOXD");
        JsonNode counts = preview.path("counts");
        assertThat(counts.path("rows").asInt()).isEqualTo(10);
        assertThat(counts.path("ambiguous").asInt()).isEqualTo(1);
        assertThat(counts.path("unmatched").asInt()).isEqualTo(1);
        assertThat(counts.path("matched").asInt()).isEqualTo(8);
        assertThat(preview.path("progress").path("done").asInt()).isEqualTo(10);
        assertThat(preview.path("progress").path("total").asInt()).isEqualTo(10);
        assertThat(counts.path("lists").asInt()).isEqualTo(1);
        assertThat(preview.path("skipped").toString()).doesNotContain("lists/favourites.csv");
        assertThat(preview.path("lists").toString())
                .isEqualTo("[{\"name\":\"Favourites\",\"movies\":1,\"matched\":1}]");
        JsonNode twin = reviewRow(preview, 4);
        assertThat(twin.path("status").asString()).isEqualTo("AMBIGUOUS");
        List<Long> candidates = new ArrayList<>();
        twin.path("candidates").forEach(movie -> candidates.add(movie.path("id").asLong()));
        assertThat(candidates).containsExactlyInAnyOrder(twinA, twinB);
        assertThat(reviewRow(preview, 5).path("status").asString()).isEqualTo("UNMATCHED");
        long id = preview.path("id").asLong();

        ApiResponse chosen = api().post("/api/preferences/imports/" + id + "/choices")
                .bearer(ann.token())
                .json(Map.of("choices", List.of(Map.of("row", 4, "movieId", twinB))))
                .send();
        assertThat(chosen.status()).as("%s", chosen).isEqualTo(200);
        assertThat(chosen.json().path("counts").path("matched").asInt()).isEqualTo(9);

        JsonNode done = apply(ann, id);

        assertThat(done.path("state").asString()).isEqualTo("DONE");
        assertThat(done.path("progress").toString()).isEqualTo("{\"done\":10,\"total\":10}");
        assertThat(done.path("message").isNull()).isTrue();
        JsonNode entries = diary(ann);
        assertThat(entries.path("total").asLong()).isEqualTo(4);
        Map<Long, JsonNode> byMovie = new LinkedHashMap<>();
        entries.path("items")
                .forEach(item -> byMovie.put(item.path("movie").path("id").asLong(), item));
        assertThat(java.util.Objects.requireNonNull(byMovie.get(lantern))
                        .path("score")
                        .decimalValue())
                .isEqualByComparingTo("4.5");
        assertThat(java.util.Objects.requireNonNull(byMovie.get(amelie))
                        .path("rewatch")
                        .asBoolean())
                .isTrue();
        assertThat(java.util.Objects.requireNonNull(byMovie.get(amelie))
                        .path("tags")
                        .toString())
                .isEqualTo("[\"paris\",\"cosy\"]");
        assertThat(java.util.Objects.requireNonNull(byMovie.get(harbour))
                        .path("review")
                        .asString())
                .isEqualTo("Slow & lovely.\nAgain soon.");
        assertThat(java.util.Objects.requireNonNull(byMovie.get(twinB))
                        .path("watchedOn")
                        .asString())
                .isEqualTo("2024-03-05");
        Map<Long, String> scores = ratings(ann);
        assertThat(scores)
                .containsEntry(lantern, "4.5")
                .containsEntry(amelie, "4.0")
                .containsEntry(harbour, "3.5")
                .containsEntry(seven, "5.0")
                .containsEntry(twinB, "3.0");
        assertThat(watchlist(ann)).containsExactly(comet);
        JsonNode favourites = onlyList(ann);
        assertThat(favourites.path("name").asString()).isEqualTo("Favourites");
        assertThat(favourites.path("description").asString()).isEqualTo("Mine");
        assertThat(favourites.path("ranked").asBoolean()).isTrue();
        assertThat(favourites.path("visibility").asString()).isEqualTo("FRIENDS");
        assertThat(favourites.path("items").get(0).path("movie").path("id").asLong())
                .isEqualTo(harbour);

        // Applying again, and importing the same file again, add nothing.
        apply(ann, id);
        JsonNode again = upload(ann, "letterboxd-ann.zip", export);
        assertThat(again.path("counts").path("lists").asInt()).isZero();
        assertThat(again.path("counts").path("duplicates").asInt()).isEqualTo(8);
        assertThat(again.path("counts").path("matched").asInt()).isZero();
        apply(ann, again.path("id").asLong());
        assertThat(diary(ann).path("total").asLong()).isEqualTo(4);
        assertThat(ratings(ann)).hasSize(5);
        assertThat(lists(ann)).hasSize(1);

        JsonNode undone = undo(ann, id);

        assertThat(undone.path("state").asString()).isEqualTo("UNDONE");
        assertThat(diary(ann).path("total").asLong()).isZero();
        assertThat(watchlist(ann)).isEmpty();
        assertThat(lists(ann)).isEmpty();
        assertThat(ratings(ann)).containsExactly(Map.entry(harbour, "2.0"));
        JsonNode mine =
                api().get("/api/preferences/ratings").bearer(ann.token()).send().json();
        assertThat(mine.path("items").get(0).path("review").asString()).isEqualTo("Mine before");
        assertThat(eventTypes(ann)).containsExactly("REVIEWED");
    }

    @Test
    void imdbRatingsOfEitherHeaderBecomeHalfStarsMatchedByTheirIds() {
        String u = unique();
        long first = MOVIES.add("Imdb One " + u, 2000);
        long second = MOVIES.add("Imdb Two " + u, 2001);
        Member bob = member("Bob");
        String newer = "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),"
                + "Year,Genres,Num Votes,Release Date,Directors\n"
                + String.format("tt%07d", first) + ",9,2024-05-01,Whatever It Is Called,Orig,"
                + "https://www.imdb.com/title/x/,Movie,7.1,101,2000,Drama,1234,2000-01-01,Someone\n"
                + "tt99999999,7,2024-05-01,Not Here,Not Here,https://www.imdb.com/title/y/,Movie,7,90,1990,Drama,1,"
                + "1990-01-01,Nobody\n"
                + String.format("tt%07d", second) + ",11,2024-05-01,Too High,Too High,u,Movie,7,90,2001,Drama,1,"
                + "2001-01-01,Nobody\n";
        JsonNode imported = upload(bob, "ratings.csv", utf8(newer));
        assertThat(imported.path("source").asString()).isEqualTo("IMDB");
        assertThat(imported.path("counts").path("matched").asInt()).isEqualTo(1);
        assertThat(imported.path("counts").path("unmatched").asInt()).isEqualTo(1);
        assertThat(imported.path("counts").path("invalid").asInt()).isEqualTo(1);
        assertThat(imported.path("invalid").get(0).path("problem").asString()).contains("1 to 10");
        apply(bob, imported.path("id").asLong());
        assertThat(ratings(bob)).containsExactly(Map.entry(first, "4.5"));

        String older = "Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,"
                + "Num Votes,Release Date,Directors\n"
                + String.format("tt%07d", second) + ",1,2024-05-02,Imdb Two,u,Movie,6,90,2001,Drama,5,2001-01-01,X\n";
        JsonNode old = upload(bob, "ratings-old.csv", utf8(older));
        assertThat(old.path("counts").path("matched").asInt()).isEqualTo(1);
        apply(bob, old.path("id").asLong());
        assertThat(ratings(bob)).containsEntry(second, "0.5").containsEntry(first, "4.5");
    }

    @Test
    void aTraktExportGivesViewingsWithRewatchesRatingsAndTheWatchlist() {
        String u = unique();
        long film = MOVIES.add("Trakt Film " + u, 2015);
        long other = MOVIES.add("Trakt Other " + u, 2016);
        Member cat = member("Cat");
        String history =
                "[{\"id\":1,\"watched_at\":\"2023-01-01T20:00:00.000Z\",\"action\":\"watch\",\"type\":\"movie\","
                        + "\"movie\":{\"title\":\"Trakt Film\",\"year\":2015,\"ids\":{\"trakt\":1,\"slug\":\"s\",\"imdb\":\""
                        + String.format("tt%07d", film) + "\",\"tmdb\":1}}},"
                        + "{\"id\":2,\"watched_at\":\"2024-01-01T20:00:00.000Z\",\"action\":\"scrobble\",\"type\":\"movie\","
                        + "\"movie\":{\"title\":\"Trakt Film\",\"year\":2015,\"ids\":{\"trakt\":1,\"slug\":\"s\",\"imdb\":\""
                        + String.format("tt%07d", film) + "\",\"tmdb\":1}}}]";
        String ratingsJson = "[{\"rated_at\":\"2024-01-02T10:00:00.000Z\",\"rating\":7,\"type\":\"movie\","
                + "\"movie\":{\"title\":\"Trakt Film\",\"year\":2015,\"ids\":{\"trakt\":1,\"imdb\":null,\"tmdb\":"
                + film * 10 + "}}}]";
        String watch = "[{\"rank\":1,\"listed_at\":\"2024-01-03T10:00:00.000Z\",\"type\":\"movie\","
                + "\"movie\":{\"title\":\"Trakt Other\",\"year\":2016,\"ids\":{\"trakt\":2,\"tmdb\":" + other * 10
                + "}}}]";
        String list = "[{\"rank\":1,\"listed_at\":\"2024-01-03T10:00:00.000Z\",\"type\":\"movie\","
                + "\"movie\":{\"title\":\"Trakt Other\",\"year\":2016,\"ids\":{\"trakt\":2,\"tmdb\":" + other * 10
                + "}}}]";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("watched-history.json", utf8(history));
        files.put("ratings-movies.json", utf8(ratingsJson));
        files.put("lists-watchlist.json", utf8(watch));
        files.put("lists-list-favourites.json", utf8(list));

        JsonNode imported = upload(cat, "trakt.zip", zip(files));

        assertThat(imported.path("source").asString()).isEqualTo("TRAKT");
        assertThat(imported.path("counts").path("matched").asInt()).isEqualTo(5);
        apply(cat, imported.path("id").asLong());
        JsonNode favourites = onlyList(cat);
        assertThat(favourites.path("name").asString()).isEqualTo("Favourites");
        assertThat(favourites.path("ranked").asBoolean()).isTrue();
        assertThat(favourites.path("items").get(0).path("movie").path("id").asLong())
                .isEqualTo(other);
        JsonNode entries = diary(cat).path("items");
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(0).path("watchedOn").asString()).isEqualTo("2024-01-01");
        assertThat(entries.get(0).path("rewatch").asBoolean()).isTrue();
        assertThat(entries.get(1).path("rewatch").asBoolean()).isFalse();
        assertThat(ratings(cat)).containsExactly(Map.entry(film, "3.5"));
        assertThat(watchlist(cat)).containsExactly(other);
    }

    @Test
    void badFilesAreRefusedWithAReasonAndBrokenRowsAreReportedOneByOne() {
        Member dan = member("Dan");
        String header = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n";

        assertThat(refused(dan, "export.zip", utf8("just text")).path("detail").asString())
                .contains("not a ZIP");
        assertThat(refused(dan, "x.csv", utf8("a,b,c\n1,2,3\n")).path("detail").asString())
                .contains("columns");
        assertThat(refused(dan, "x.csv", new byte[] {1, 0, 2, 0, 3})
                        .path("detail")
                        .asString())
                .contains("binary");
        assertThat(refused(dan, "x.zip", zip(Map.of("../diary.csv", utf8(header))))
                        .path("detail")
                        .asString())
                .contains("unsafe name");
        assertThat(refused(dan, "x.zip", zip(Map.of("/etc/diary.csv", utf8(header))))
                        .path("detail")
                        .asString())
                .contains("unsafe name");
        byte[] zeros = new byte[20 * 1024 * 1024];
        assertThat(refused(dan, "bomb.zip", zip(Map.of("diary.csv", zeros)))
                        .path("detail")
                        .asString())
                .contains("packed");
        StringBuilder many = new StringBuilder(header);
        for (int i = 0; i < 1001; i++) {
            many.append("2024-01-01,Film ").append(i).append(",2000,u,3,,,2024-01-01\n");
        }
        assertThat(refused(dan, "diary.csv", utf8(many.toString()))
                        .path("detail")
                        .asString())
                .contains("more than 1000 rows");
        assertThat(Uploads.upload(base(), dan.token(), "diary.csv", new byte[0]).status())
                .isEqualTo(400);
        refused(dan, "trakt.json", utf8("{not json"));
        String listHead = "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n";
        assertThat(refused(dan, "lists/broken.csv", utf8(listHead))
                        .path("detail")
                        .asString())
                .contains("blank line");
        assertThat(refused(dan, "lists/broken.csv", utf8(listHead + "2024-01-01,Films,,,\n\nFilm,When\na,b\n"))
                        .path("detail")
                        .asString())
                .contains("Name and Year");
        StringBuilder longList =
                new StringBuilder(listHead + "2024-01-01,Films,,,\n\nPosition,Name,Year,URL,Description\n");
        for (int i = 1; i <= 2000; i++) {
            longList.append(i).append(",Film ").append(i).append(",2000,,\n");
        }
        assertThat(refused(dan, "lists/films.csv", utf8(longList.toString()))
                        .path("detail")
                        .asString())
                .contains("more than 1000 rows");

        String u = unique();
        long film = MOVIES.add("Broken Bytes " + u, 2000);
        byte[] good = utf8(header + "2024-01-01,Broken Bytes " + u + ",2000,u,3,,,2024-01-01\n");
        byte[] bad = {
            '2',
            '0',
            '2',
            '4',
            '-',
            '0',
            '1',
            '-',
            '0',
            '2',
            ',',
            'X',
            (byte) 0xC3,
            (byte) 0x28,
            ',',
            '2',
            '0',
            '0',
            '0',
            ',',
            'u',
            ',',
            '3',
            ',',
            ',',
            ',',
            '2',
            '0',
            '2',
            '4',
            '-',
            '0',
            '1',
            '-',
            '0',
            '2',
            '\n'
        };
        String future =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(5).toString();
        byte[] rest = utf8("2024-01-03,Broken Bytes " + u + ",2000,u,4.3,,,2024-01-03\n" + "2024-01-04,Broken Bytes "
                + u + ",2000,u,3,,," + future + "\n");
        byte[] file = new byte[good.length + bad.length + rest.length];
        System.arraycopy(good, 0, file, 0, good.length);
        System.arraycopy(bad, 0, file, good.length, bad.length);
        System.arraycopy(rest, 0, file, good.length + bad.length, rest.length);

        JsonNode imported = upload(dan, "diary.csv", file);

        assertThat(imported.path("counts").path("matched").asInt()).isEqualTo(1);
        assertThat(imported.path("counts").path("invalid").asInt()).isEqualTo(3);
        List<String> problems = new ArrayList<>();
        imported.path("invalid")
                .forEach(row -> problems.add(row.path("where").asString() + ": "
                        + row.path("problem").asString()));
        assertThat(problems)
                .containsExactly(
                        "diary.csv line 3: holds bytes that are not UTF-8 text",
                        "diary.csv line 4: the rating 4.3 is not 0.5 to 5 in half stars",
                        "diary.csv line 5: the watched date must not be in the future");
        apply(dan, imported.path("id").asLong());
        assertThat(ratings(dan)).containsExactly(Map.entry(film, "3.0"));
    }

    @Test
    void anotherMembersImportIsNotFound() {
        Member eve = member("Eve");
        Member fay = member("Fay");
        String u = unique();
        MOVIES.add("Private " + u, 2000);
        JsonNode imported = upload(
                eve,
                "ratings.csv",
                utf8("Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,Private " + u + ",2000,u,3\n"));
        long id = imported.path("id").asLong();
        assertThat(api().get("/api/preferences/imports/" + id)
                        .bearer(fay.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api().post("/api/preferences/imports/" + id + "/apply")
                        .bearer(fay.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api().delete("/api/preferences/imports/" + id)
                        .bearer(fay.token())
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anExportImportedIntoAFreshAccountExportsTheSameData() {
        String u = unique();
        long one = MOVIES.add("Round One " + u, 2001);
        long two = MOVIES.add("Round Two " + u, 2002);
        long three = MOVIES.add("Round Three " + u, 2003);
        Member gus = member("Gus");
        log(gus, one, "2024-01-01", 3.0, "First <b>look</b> & more", false, List.of("home"));
        log(gus, one, "2024-06-01", 4.5, null, true, List.of());
        log(gus, two, "2023-02-02", null, "No score", false, List.of("a", "b"));
        api().put("/api/preferences/ratings/" + three)
                .bearer(gus.token())
                .json(Map.of("score", 2.5))
                .send();
        api().put("/api/preferences/watchlist/" + two).bearer(gus.token()).send();
        long ranked = list(gus, "Round nights " + u, "Two <b>nights</b> & more\n\nWith a blank line", true, "PUBLIC");
        items(gus, ranked, List.of(Map.of("movieId", three, "note", "Third & best"), Map.of("movieId", one)));
        long plain = list(gus, "Unranked " + u, null, false, "PRIVATE");
        items(gus, plain, List.of(Map.of("movieId", two)));

        byte[] first = Uploads.download(base(), gus.token(), "/api/preferences/export");
        Map<String, byte[]> files = Uploads.unzip(first);
        assertThat(files)
                .containsKeys(
                        "cinemates.json",
                        "letterboxd-import.csv",
                        "watchlist.csv",
                        "likes.csv",
                        "lists/round-nights-" + u.toLowerCase(java.util.Locale.ROOT) + ".csv",
                        "lists/unranked-" + u.toLowerCase(java.util.Locale.ROOT) + ".csv");
        assertThat(new String(
                        java.util.Objects.requireNonNull(files.get("letterboxd-import.csv")),
                        java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("LetterboxdURI,tmdbID,imdbID,Title,Year,Directors,Rating,Rating10,WatchedDate,Rewatch,"
                        + "Tags,Review");

        Member hal = member("Hal");
        JsonNode imported = upload(hal, "cinemates-export.zip", first);
        assertThat(imported.path("counts").path("matched").asInt()).isEqualTo(8);
        apply(hal, imported.path("id").asLong());
        byte[] second = Uploads.download(base(), hal.token(), "/api/preferences/export");

        assertThat(comparable(second)).isEqualTo(comparable(first));
    }

    private void log(
            Member member,
            long movieId,
            String day,
            @org.jspecify.annotations.Nullable Double score,
            @org.jspecify.annotations.Nullable String review,
            boolean rewatch,
            List<String> tags) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("movieId", movieId);
        body.put("watchedOn", day);
        body.put("score", score);
        body.put("review", review);
        body.put("rewatch", rewatch);
        body.put("tags", tags);
        ApiResponse response = api().post("/api/preferences/diary")
                .bearer(member.token())
                .json(body)
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
    }

    /** The export's data without the moments things were stored at. */
    private static String comparable(byte[] export) {
        JsonNode json = JSON.readTree(
                java.util.Objects.requireNonNull(Uploads.unzip(export).get("cinemates.json")));
        json.path("ratings").forEach(rating -> ((tools.jackson.databind.node.ObjectNode) rating).remove("ratedAt"));
        json.path("lists").forEach(list -> ((tools.jackson.databind.node.ObjectNode) list).remove("createdAt"));
        assertThat(json.path("lists").size()).isEqualTo(2);
        return json.toString();
    }

    private long list(
            Member member,
            String name,
            @org.jspecify.annotations.Nullable String description,
            boolean ranked,
            String visibility) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("description", description);
        body.put("ranked", ranked);
        body.put("visibility", visibility);
        ApiResponse made = api().post("/api/preferences/lists")
                .bearer(member.token())
                .json(body)
                .send();
        assertThat(made.status()).as("%s", made).isEqualTo(201);
        return made.json().path("id").asLong();
    }

    private void items(Member member, long list, List<Map<String, Object>> items) {
        ApiResponse put = api().put("/api/preferences/lists/" + list + "/items")
                .bearer(member.token())
                .json(Map.of("items", items))
                .send();
        assertThat(put.status()).as("%s", put).isEqualTo(200);
    }

    private List<JsonNode> lists(Member member) {
        ApiResponse mine =
                api().get("/api/preferences/lists").bearer(member.token()).send();
        assertThat(mine.status()).as("%s", mine).isEqualTo(200);
        List<JsonNode> all = new ArrayList<>();
        mine.json().path("items").forEach(all::add);
        return all;
    }

    private JsonNode onlyList(Member member) {
        List<JsonNode> all = lists(member);
        assertThat(all).hasSize(1);
        ApiResponse one = api().get(
                        "/api/preferences/lists/" + all.get(0).path("id").asLong())
                .bearer(member.token())
                .send();
        assertThat(one.status()).as("%s", one).isEqualTo(200);
        return one.json();
    }
}
