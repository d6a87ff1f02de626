package org.cinemates.preference.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The import benchmark: a Letterboxd export ZIP with a diary.csv of 20,000 viewings (titles written
 * the Letterboxd way, "The Matrix" for MovieLens's "Matrix, The"; one in five a rewatch) and three
 * lists of 100 films, against the ml-latest-small catalogue, timed from upload to preview
 * (analysis) and from apply to done, on real PostgreSQL. Prints the figures; not part of the
 * build's tests. Run it as {@code ./cinemates bench history-import} (bench/history-import.sh).
 *
 * Settings ({@code -D}): {@code cinemates.bench.movielens} (the folder with movies.csv and links.csv),
 * {@code cinemates.bench.rows} (20,000).
 */
class HistoryImportBenchmark extends IntegrationTest {

    private static final long ID_BASE = 50_000_000L;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "historybench");
        registry.add("cinemates.preferences.imports.catalogue-ttl", () -> "0s");
    }

    record Film(String letterboxdName, int year) {}

    @Test
    void importsTwentyThousandDiaryRows() throws IOException {
        Path folder = Path.of(System.getProperty("cinemates.bench.movielens", "../../shared/data/ml-latest-small"));
        int rows = Integer.getInteger("cinemates.bench.rows", 20_000);
        Map<Long, String[]> links = new HashMap<>();
        try (Reader in = Files.newBufferedReader(folder.resolve("links.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord link : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                links.put(Long.parseLong(link.get("movieId")), new String[] {link.get("imdbId"), link.get("tmdbId")});
            }
        }
        List<Film> films = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(folder.resolve("movies.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord movie : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                long id = Long.parseLong(movie.get("movieId"));
                String full = movie.get("title").strip();
                Integer year = null;
                String title = full;
                if (full.endsWith(")") && full.length() > 7 && full.charAt(full.length() - 6) == '(') {
                    try {
                        year = Integer.parseInt(full.substring(full.length() - 5, full.length() - 1));
                        title = full.substring(0, full.length() - 6).strip();
                    } catch (NumberFormatException e) {
                        year = null;
                    }
                }
                String[] ids = links.getOrDefault(id, new String[] {"", ""});
                MOVIES.put(ID_BASE + id, title, year, ids[0], ids[1].isEmpty() ? null : Long.parseLong(ids[1]));
                if (year != null) {
                    films.add(new Film(letterboxdName(title), year));
                }
            }
        }
        Random random = new Random(18);
        StringBuilder csv = new StringBuilder("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n");
        LocalDate start = LocalDate.of(2010, 1, 1);
        for (int i = 0; i < rows; i++) {
            Film film = films.get(random.nextInt(films.size()));
            LocalDate day = start.plusDays(random.nextInt(5000));
            String name = film.letterboxdName().replace("\"", "\"\"");
            csv.append(day)
                    .append(",\"")
                    .append(name)
                    .append("\",")
                    .append(film.year())
                    .append(",https://boxd.it/x")
                    .append(i)
                    .append(',')
                    .append((random.nextInt(10) + 1) / 2.0)
                    .append(',')
                    .append(random.nextInt(5) == 0 ? "Yes" : "")
                    .append(",,")
                    .append(day)
                    .append('\n');
        }
        // Three lists of 100 films each beside the diary, as a Letterboxd export ZIP holds them.
        Map<String, byte[]> export = new java.util.LinkedHashMap<>();
        export.put("diary.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        for (int l = 1; l <= 3; l++) {
            StringBuilder list = new StringBuilder("Letterboxd list export v7\nDate,Name,Tags,URL,Description\n")
                    .append("2024-01-0")
                    .append(l)
                    .append(",Bench list ")
                    .append(l)
                    .append(",,,\n\nPosition,Name,Year,URL,Description\n");
            for (int p = 1; p <= 100; p++) {
                Film film = films.get(random.nextInt(films.size()));
                list.append(p)
                        .append(",\"")
                        .append(film.letterboxdName().replace("\"", "\"\""))
                        .append("\",")
                        .append(film.year())
                        .append(",,note ")
                        .append(p)
                        .append('\n');
            }
            export.put("lists/bench-list-" + l + ".csv", list.toString().getBytes(StandardCharsets.UTF_8));
        }
        Member member = member("Bench");
        byte[] file = Uploads.zip(export);

        long uploadStarted = System.nanoTime();
        Uploads.Answer answer = Uploads.upload("http://127.0.0.1:" + port, member.token(), "letterboxd.zip", file);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        long id = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(answer.body())
                .path("id")
                .asLong();
        JsonNode preview = await(member, id);
        double analysed = (System.nanoTime() - uploadStarted) / 1e9;

        long applyStarted = System.nanoTime();
        ApiResponse applying = api().post("/api/preferences/imports/" + id + "/apply")
                .bearer(member.token())
                .send();
        assertThat(applying.status()).isEqualTo(202);
        JsonNode done = await(member, id);
        double applied = (System.nanoTime() - applyStarted) / 1e9;

        System.out.printf(
                Locale.ROOT,
                "%nimport benchmark: %d diary rows and 3 lists of 100 films (a %d KB ZIP) against %d catalogue"
                        + " movies%n  rows %d: %d matched, %d ambiguous, %d unmatched, %d duplicates, %d invalid;"
                        + " %d lists%n  lists: %s%n  progress seen while analysing: %s%n"
                        + "  progress seen while applying: %s%n"
                        + "  upload + analysis: %.2f s%n  apply: %.2f s (state %s)%n  diary entries: %d%n%n",
                rows,
                file.length / 1024,
                films.size(),
                preview.path("counts").path("rows").asInt(),
                preview.path("counts").path("matched").asInt(),
                preview.path("counts").path("ambiguous").asInt(),
                preview.path("counts").path("unmatched").asInt(),
                preview.path("counts").path("duplicates").asInt(),
                preview.path("counts").path("invalid").asInt(),
                preview.path("counts").path("lists").asInt(),
                preview.path("lists"),
                progressSeen.get("ANALYSING"),
                progressSeen.get("APPLYING"),
                analysed,
                applied,
                done.path("state").asString(),
                api().get("/api/preferences/diary?size=1")
                        .bearer(member.token())
                        .send()
                        .json()
                        .path("total")
                        .asLong());
    }

    /** MovieLens's "Matrix, The" as Letterboxd writes it: "The Matrix"; other names in parentheses go. */
    private static String letterboxdName(String title) {
        String main = title;
        int paren = main.indexOf(" (");
        if (paren > 0) {
            main = main.substring(0, paren);
        }
        for (String article :
                List.of(", The", ", A", ", An", ", Les", ", La", ", Le", ", Il", ", El", ", Das", ", Die")) {
            if (main.endsWith(article)) {
                return article.substring(2) + " " + main.substring(0, main.length() - article.length());
            }
        }
        return main;
    }

    /** The rows-done figures the import showed while it was analysed, and applied, in the order seen. */
    private final Map<String, java.util.Set<Integer>> progressSeen =
            Map.of("ANALYSING", new java.util.LinkedHashSet<>(), "APPLYING", new java.util.LinkedHashSet<>());

    private JsonNode await(Member member, long id) {
        while (true) {
            JsonNode view = api().get("/api/preferences/imports/" + id)
                    .bearer(member.token())
                    .send()
                    .json();
            String state = view.path("state").asString();
            if (progressSeen.containsKey(state)) {
                java.util.Objects.requireNonNull(progressSeen.get(state))
                        .add(view.path("progress").path("done").asInt());
            }
            if (!state.equals("ANALYSING") && !state.equals("APPLYING")) {
                return view;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
