package org.cinemates.preference.history;

import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.diary.DiaryEntry;
import org.cinemates.preference.diary.DiaryImports;
import org.cinemates.preference.list.ListImports;
import org.cinemates.preference.rating.RatingUpdates;
import org.cinemates.preference.watchlist.WatchlistImports;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Taking my history with me: a ZIP of {@code cinemates.json} (everything, with the catalogue's ids)
 * and CSV files in Letterboxd's import format ({@code letterboxd-import.csv} for viewings and
 * ratings, {@code watchlist.csv}, {@code likes.csv}), and each list as Letterboxd exports one
 * ({@code lists/<name>.csv}, with the catalogue's IMDb and TMDb ids added), which this service
 * imports again as well.
 */
@RestController
class ExportController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DiaryImports diary;
    private final RatingUpdates ratings;
    private final WatchlistImports watchlist;
    private final ListImports lists;
    private final MovieCatalog catalog;

    ExportController(
            DiaryImports diary,
            RatingUpdates ratings,
            WatchlistImports watchlist,
            ListImports lists,
            MovieCatalog catalog) {
        this.diary = diary;
        this.ratings = ratings;
        this.watchlist = watchlist;
        this.lists = lists;
        this.catalog = catalog;
    }

    @Operation(summary = "Everything I have here, as a ZIP of JSON and Letterboxd-format CSV")
    @GetMapping("/api/preferences/export")
    ResponseEntity<byte[]> export(CurrentUser me) throws IOException {
        long userId = me.id();
        List<DiaryEntry> entries = diary.entriesOf(userId);
        Map<Long, RatingUpdates.Previous> rated = new java.util.TreeMap<>(ratings.ratingsOf(userId));
        List<Long> watching = watchlist.moviesOf(userId);
        List<Long> liked = diary.likedOf(userId);
        List<ListImports.Exported> mine = lists.exportOf(userId);
        Set<Long> ids = new LinkedHashSet<>();
        mine.forEach(list -> list.items().forEach(item -> ids.add(item.movieId())));
        entries.forEach(entry -> ids.add(entry.movieId()));
        ids.addAll(rated.keySet());
        ids.addAll(watching);
        ids.addAll(liked);
        MovieLookup movies = catalog.lookup(ids);

        ObjectNode root = JSON.createObjectNode();
        ArrayNode diaryJson = root.putArray("diary");
        Map<Long, DiaryEntry> latestScored = new HashMap<>();
        for (DiaryEntry entry : entries) {
            ObjectNode node = diaryJson.addObject();
            movie(node, entry.movieId(), movies);
            node.put("watchedOn", entry.watchedOn().toString());
            node.put("score", entry.score());
            node.put("review", entry.review());
            node.put("rewatch", entry.rewatch());
            node.put("liked", entry.liked());
            ArrayNode tags = node.putArray("tags");
            entry.tags().forEach(tags::add);
            if (entry.score() != null) {
                latestScored.put(entry.movieId(), entry);
            }
        }
        ArrayNode ratingsJson = root.putArray("ratings");
        rated.forEach((movieId, rating) -> {
            ObjectNode node = ratingsJson.addObject();
            movie(node, movieId, movies);
            node.put("score", rating.score());
            node.put("review", rating.review());
            node.put("ratedAt", rating.ratedAt().toString());
        });
        ArrayNode watchJson = root.putArray("watchlist");
        watching.forEach(movieId -> movie(watchJson.addObject(), movieId, movies));
        ArrayNode likedJson = root.putArray("likes");
        liked.forEach(movieId -> movie(likedJson.addObject(), movieId, movies));
        ArrayNode listsJson = root.putArray("lists");
        for (ListImports.Exported list : mine) {
            ObjectNode node = listsJson.addObject();
            node.put("name", list.name());
            node.put("description", list.description());
            node.put("ranked", list.ranked());
            node.put("visibility", list.visibility());
            node.put("createdAt", list.createdAt().toString());
            ArrayNode items = node.putArray("items");
            int position = 0;
            for (ListImports.NewItem item : list.items()) {
                ObjectNode entry = items.addObject();
                entry.put("position", ++position);
                movie(entry, item.movieId(), movies);
                entry.put("note", item.note());
            }
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("cinemates.json"));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            zip.closeEntry();

            zip.putNextEntry(new ZipEntry("letterboxd-import.csv"));
            csv(zip, printer -> {
                for (DiaryEntry entry : entries) {
                    row(
                            printer,
                            entry.movieId(),
                            movies,
                            entry.score(),
                            entry.watchedOn(),
                            entry.rewatch(),
                            entry.tags(),
                            entry.review());
                }
                // A rating no viewing explains (made on the movie's page, or changed since) is a row of its own.
                for (Map.Entry<Long, RatingUpdates.Previous> rating : rated.entrySet()) {
                    DiaryEntry latest = latestScored.get(rating.getKey());
                    if (latest == null
                            || java.util.Objects.requireNonNull(latest.score())
                                            .compareTo(rating.getValue().score())
                                    != 0) {
                        row(printer, rating.getKey(), movies, rating.getValue().score(), null, false, List.of(), null);
                    }
                }
            });
            zip.putNextEntry(new ZipEntry("watchlist.csv"));
            csv(zip, printer -> {
                for (Long movieId : watching) {
                    row(printer, movieId, movies, null, null, false, List.of(), null);
                }
            });
            zip.putNextEntry(new ZipEntry("likes.csv"));
            csv(zip, printer -> {
                for (Long movieId : liked) {
                    row(printer, movieId, movies, null, null, false, List.of(), null);
                }
            });
            Set<String> fileNames = new java.util.HashSet<>();
            for (ListImports.Exported list : mine) {
                zip.putNextEntry(new ZipEntry("lists/" + listFileName(list.name(), fileNames)));
                listCsv(zip, list, movies);
            }
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("cinemates-export-" + LocalDate.now(java.time.ZoneOffset.UTC) + ".zip")
                                .build()
                                .toString())
                .body(bytes.toByteArray());
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static void csv(ZipOutputStream zip, Rows rows) throws IOException {
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(
                writer,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(HistoryFiles.EXPORT.toArray(String[]::new))
                        .get());
        rows.print(printer);
        printer.flush();
        zip.closeEntry();
    }

    private static void row(
            CSVPrinter printer,
            long movieId,
            MovieLookup movies,
            @Nullable BigDecimal score,
            @Nullable LocalDate watchedOn,
            boolean rewatch,
            List<String> tags,
            @Nullable String review)
            throws IOException {
        JsonNode movie = movies.orIdOnly(movieId).json();
        List<String> values = new ArrayList<>();
        values.add("");
        values.add(
                movie.path("tmdbId").isIntegralNumber() ? movie.path("tmdbId").asString() : "");
        values.add(movie.path("imdbTitleId").asString(""));
        values.add(movie.path("title").asString(""));
        values.add(movie.path("year").isIntegralNumber() ? movie.path("year").asString() : "");
        values.add("");
        values.add(score == null ? "" : score.toPlainString());
        values.add(
                score == null
                        ? ""
                        : score.multiply(BigDecimal.valueOf(2))
                                .stripTrailingZeros()
                                .toPlainString());
        values.add(watchedOn == null ? "" : watchedOn.toString());
        values.add(watchedOn == null ? "" : rewatch ? "true" : "false");
        values.add(String.join(", ", tags));
        values.add(review == null ? "" : escape(review));
        printer.printRecord(values);
    }

    /**
     * A list as Letterboxd exports one: a "Letterboxd list export v7" line, the list's own block, a
     * blank line, then its movies, with the catalogue's IMDb and TMDb ids added so the movies
     * come back exactly.
     */
    private static void listCsv(ZipOutputStream zip, ListImports.Exported list, MovieLookup movies) throws IOException {
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        writer.write("Letterboxd list export v7\r\n");
        CSVPrinter head = new CSVPrinter(
                writer,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader("Date", "Name", "Tags", "URL", "Description", "Visibility")
                        .get());
        head.printRecord(
                list.createdAt()
                        .atOffset(java.time.ZoneOffset.UTC)
                        .toLocalDate()
                        .toString(),
                list.name(),
                "",
                "",
                list.description() == null ? "" : escape(list.description()),
                list.visibility());
        head.flush();
        writer.write("\r\n");
        CSVPrinter films = new CSVPrinter(
                writer,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader("Position", "Name", "Year", "URL", "Description", "imdbID", "tmdbID")
                        .get());
        int position = 0;
        for (ListImports.NewItem item : list.items()) {
            JsonNode movie = movies.orIdOnly(item.movieId()).json();
            position++;
            films.printRecord(
                    list.ranked() ? String.valueOf(position) : "",
                    movie.path("title").asString(""),
                    movie.path("year").isIntegralNumber() ? movie.path("year").asString() : "",
                    "",
                    item.note() == null ? "" : escape(item.note()),
                    movie.path("imdbTitleId").asString(""),
                    movie.path("tmdbId").isIntegralNumber()
                            ? movie.path("tmdbId").asString()
                            : "");
        }
        films.flush();
        zip.closeEntry();
    }

    /** A file name for the list: its name's letters and digits, made unique among the export's. */
    static String listFileName(String name, Set<String> taken) {
        StringBuilder slug = new StringBuilder();
        name.toLowerCase(java.util.Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                slug.appendCodePoint(c);
            } else if (slug.length() > 0 && slug.charAt(slug.length() - 1) != '-') {
                slug.append('-');
            }
        });
        String base = slug.toString().replaceAll("-+$", "");
        if (base.isEmpty()) {
            base = "list";
        }
        base = base.length() > 80 ? base.substring(0, 80) : base;
        String candidate = base;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate + ".csv";
    }

    /** Letterboxd reads a review as HTML: the member's text must stay text. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void movie(ObjectNode node, long movieId, MovieLookup movies) {
        JsonNode movie = movies.orIdOnly(movieId).json();
        node.put("movieId", movieId);
        node.put("title", movie.path("title").asString(""));
        if (movie.path("year").isIntegralNumber()) {
            node.put("year", movie.path("year").asInt());
        }
        node.put("imdbId", movie.path("imdbTitleId").asString(""));
        if (movie.path("tmdbId").isIntegralNumber()) {
            node.put("tmdbId", movie.path("tmdbId").asLong());
        }
    }
}
