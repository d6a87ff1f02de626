package org.cinemates.preference.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cinemates.preference.diary.ViewingRules;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the files members bring: a Letterboxd export ZIP or one of its CSVs, an IMDb ratings CSV,
 * a Trakt export ZIP or one of its JSON files, and this service's own export. Everything is read
 * with limits (entries, sizes, compression ratio, rows); a file that breaks one is refused whole,
 * a row that cannot be read is kept with its reason.
 */
final class HistoryFiles {

    /** Limits on what is read. */
    record Limits(int maxEntries, long maxUncompressedBytes, int maxRatio, int maxRows) {}

    /** What a file held. */
    record Parsed(String source, List<ImportRow> rows, List<String> skipped) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_TITLE = 500;
    private static final int MAX_REVIEW_MARKUP = 50_000;
    /** A list's limits, as the list package keeps them. */
    private static final int LIST_NAME = 100;

    private static final int LIST_DESCRIPTION = 2000;
    private static final int LIST_NOTE = 1000;

    static final List<String> DIARY =
            List.of("Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Tags", "Watched Date");
    static final List<String> EXPORT = List.of(
            "LetterboxdURI",
            "tmdbID",
            "imdbID",
            "Title",
            "Year",
            "Directors",
            "Rating",
            "Rating10",
            "WatchedDate",
            "Rewatch",
            "Tags",
            "Review");

    private final Limits limits;
    private int rowsRead;

    /** A Trakt list's own details, from lists-lists.json. */
    private record TraktList(String name, @Nullable String description) {}

    /** Trakt's lists by "id:" and "slug:" keys. */
    private final Map<String, TraktList> traktLists = new HashMap<>();

    private HistoryFiles(Limits limits) {
        this.limits = limits;
    }

    /**
     * @throws ImportRefused for a file that cannot be imported at all, with the reason
     */
    static Parsed read(String fileName, byte[] bytes, Limits limits) {
        return new HistoryFiles(limits).readFile(fileName, bytes);
    }

    private Parsed readFile(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw new ImportRefused("The file is empty");
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return readZip(unzip(bytes));
        }
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new ImportRefused("The file is named .zip but is not a ZIP archive");
        }
        Map<String, byte[]> one = new LinkedHashMap<>();
        one.put(baseName(fileName), bytes);
        return readZip(one);
    }

    private Parsed readZip(Map<String, byte[]> files) {
        List<ImportRow> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, List<ImportRow>> letterboxd = new HashMap<>();
        List<ImportRow> listed = new ArrayList<>();
        String source = null;
        // Trakt keeps its lists' names and descriptions apart from their movies: read them first.
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (baseName(file.getKey()).equalsIgnoreCase("lists-lists.json")) {
                traktLists(file.getKey(), text(file.getKey(), file.getValue()));
            }
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.endsWith("/")) {
                continue;
            }
            if (baseName(name).equalsIgnoreCase("lists-lists.json")) {
                source = "TRAKT";
                continue;
            }
            if (lower.equals("cinemates.json") && files.size() > 1) {
                // This service's own export: its CSV files beside it hold the same, by catalogue ids.
                continue;
            }
            if (lower.endsWith(".json")) {
                source = "TRAKT";
                rows.addAll(trakt(name, text(name, file.getValue())));
                continue;
            }
            if (!lower.endsWith(".csv") && files.size() > 1) {
                skipped.add(name + ": not a file this import reads");
                continue;
            }
            String text = text(name, file.getValue());
            String header = firstLine(text);
            if (header.startsWith("Letterboxd list export")) {
                listed.addAll(letterboxdList(name, text));
                source = source == null ? "LETTERBOXD" : source;
                continue;
            }
            CSVParser csv = csv(name, text);
            List<String> columns = csv.getHeaderNames();
            if (columns.contains("Const") && columns.contains("Your Rating")) {
                source = "IMDB";
                rows.addAll(imdb(name, csv));
            } else if (columns.containsAll(EXPORT)) {
                source = source == null ? "LETTERBOXD" : source;
                rows.addAll(exported(name, csv, lower));
            } else if (columns.containsAll(List.of("Date", "Name", "Year", "Letterboxd URI"))) {
                source = source == null ? "LETTERBOXD" : source;
                String kind = letterboxdKind(lower, columns);
                if (kind == null) {
                    skipped.add(name + ": not a file this import reads");
                    continue;
                }
                letterboxd.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(letterboxd(name, csv, kind));
            } else if (files.size() > 1) {
                skipped.add(name + ": not a file this import reads");
            } else {
                throw new ImportRefused(name + ": these columns are not a Letterboxd, IMDb or Trakt export: "
                        + shorten(String.join(",", columns), 200));
            }
        }
        rows.addAll(mergeLetterboxd(letterboxd));
        // Lists last, so a file's other rows keep their numbers whatever lists it holds.
        rows.addAll(listed);
        if (source == null) {
            throw new ImportRefused("Nothing in the file is a Letterboxd, IMDb or Trakt export");
        }
        return new Parsed(source, rows, skipped);
    }

    // ---- ZIP ----

    private Map<String, byte[]> unzip(byte[] bytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (files.size() >= limits.maxEntries()) {
                    throw new ImportRefused("The ZIP holds more than " + limits.maxEntries() + " files");
                }
                String name = entry.getName();
                if (!safeName(name)) {
                    throw new ImportRefused("The ZIP holds a file with an unsafe name: " + shorten(name, 100));
                }
                if (entry.isDirectory()) {
                    continue;
                }
                // Only CSV and JSON files are read; anything else an export holds (images, say) is
                // unpacked through the same limits but not kept, so it costs no memory.
                String lower = name.toLowerCase(Locale.ROOT);
                boolean kept = lower.endsWith(".csv") || lower.endsWith(".json");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                int read;
                long size = 0;
                while ((read = zip.read(buffer)) > 0) {
                    size += read;
                    total += read;
                    if (total > limits.maxUncompressedBytes()) {
                        throw new ImportRefused("The ZIP unpacks to more than "
                                + limits.maxUncompressedBytes() / (1024 * 1024) + " MB");
                    }
                    // An entry written as a stream (its sizes in a data descriptor after the data,
                    // as java.util.zip and many tools write them) tells its compressed size only
                    // once read: until then the whole archive bounds it.
                    long compressed = entry.getCompressedSize() > 0 ? entry.getCompressedSize() : bytes.length;
                    if (size > 1024 * 1024 && size / Math.max(1, compressed) > limits.maxRatio()) {
                        throw new ImportRefused(
                                "The ZIP is packed far tighter than any export (" + shorten(name, 100) + ")");
                    }
                    if (kept) {
                        out.write(buffer, 0, read);
                    }
                }
                if (size > 1024 * 1024 && size / Math.max(1, bytes.length) > limits.maxRatio()) {
                    throw new ImportRefused(
                            "The ZIP is packed far tighter than any export (" + shorten(name, 100) + ")");
                }
                files.put(name, out.toByteArray());
            }
        } catch (ZipException e) {
            throw new ImportRefused("The ZIP archive is broken");
        } catch (IOException e) {
            throw new ImportRefused("The ZIP archive could not be read");
        }
        if (files.isEmpty()) {
            throw new ImportRefused("The ZIP archive is empty");
        }
        return files;
    }

    static boolean safeName(String name) {
        if (name.isEmpty() || name.length() > 255 || name.startsWith("/") || name.startsWith("\\")) {
            return false;
        }
        if (name.indexOf(':') >= 0 || name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    // ---- text ----

    /** The file as text: binary is refused; bytes that are not UTF-8 become U+FFFD, and rows holding them are reported. */
    private static String text(String name, byte[] bytes) {
        int probe = Math.min(bytes.length, 8192);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                throw new ImportRefused(name + ": a binary file, not text");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            String text = chars.toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ImportRefused(name + ": not UTF-8 text");
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    private CSVParser csv(String name, String text) {
        try {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setAllowMissingColumnNames(true)
                    .setTrim(true)
                    .get()
                    .parse(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportRefused(name + ": not a CSV file with a header line");
        }
    }

    private Iterable<CSVRecord> records(String name, CSVParser csv) {
        List<CSVRecord> all = new ArrayList<>();
        try {
            for (CSVRecord record : csv) {
                if (++rowsRead > limits.maxRows()) {
                    throw new ImportRefused("The file holds more than " + limits.maxRows() + " rows");
                }
                all.add(record);
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new ImportRefused(name + ": the CSV is broken after line " + csv.getCurrentLineNumber());
        }
        return all;
    }

    private static String get(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }

    private static String where(String name, CSVRecord record) {
        return name + " line " + (record.getRecordNumber() + 1);
    }

    // ---- Letterboxd ----

    private static @Nullable String letterboxdKind(String lower, List<String> columns) {
        if (lower.endsWith("likes/films.csv") || lower.endsWith("films.csv") && !columns.contains("Rating")) {
            return "likes";
        }
        if (columns.contains("Review")) {
            return "reviews";
        }
        if (columns.contains("Watched Date")) {
            return "diary";
        }
        if (columns.contains("Rating")) {
            return "ratings";
        }
        if (lower.endsWith("watchlist.csv")) {
            return "watchlist";
        }
        if (lower.endsWith("watched.csv")) {
            return "watched";
        }
        return null;
    }

    private List<ImportRow> letterboxd(String name, CSVParser csv, String kind) {
        List<ImportRow> rows = new ArrayList<>();
        for (CSVRecord record : records(name, csv)) {
            String where = where(name, record);
            String title = get(record, "Name");
            Integer year = year(get(record, "Year"));
            String problem = title.isEmpty() ? "has no film name" : broken(record);
            BigDecimal score = null;
            String rating = get(record, "Rating");
            if (!rating.isEmpty() && !kind.equals("watchlist")) {
                score = stars(rating);
                if (score == null && problem == null) {
                    problem = "the rating " + shorten(rating, 10) + " is not 0.5 to 5 in half stars";
                }
            }
            LocalDate day = date(get(record, kind.equals("diary") || kind.equals("reviews") ? "Watched Date" : "Date"));
            if (day == null && problem == null && !kind.equals("watchlist") && !kind.equals("likes")) {
                problem = "has no date, or not one in YYYY-MM-DD";
            }
            ImportRow.Kind rowKind = switch (kind) {
                case "ratings" -> ImportRow.Kind.RATING;
                case "watchlist" -> ImportRow.Kind.WATCHLIST;
                case "likes" -> ImportRow.Kind.LIKE;
                default -> ImportRow.Kind.VIEWING;
            };
            String review =
                    kind.equals("reviews") ? ReviewText.of(shorten(get(record, "Review"), MAX_REVIEW_MARKUP)) : null;
            if (review != null && review.length() > ViewingRules.MAX_REVIEW_LENGTH) {
                review = review.substring(0, ViewingRules.MAX_REVIEW_LENGTH);
            }
            rows.add(new ImportRow(
                    rowKind,
                    where,
                    shorten(title, MAX_TITLE),
                    year,
                    null,
                    null,
                    null,
                    day,
                    score,
                    review,
                    get(record, "Rewatch").equalsIgnoreCase("Yes"),
                    tags(get(record, "Tags")),
                    false,
                    problem,
                    null));
        }
        return rows;
    }

    /**
     * One viewing per diary row, with its review from reviews.csv; reviews of no diary row and
     * films only marked watched become viewings of their own; ratings, the watchlist and likes as they are.
     */
    private static List<ImportRow> mergeLetterboxd(Map<String, List<ImportRow>> files) {
        List<ImportRow> rows = new ArrayList<>();
        List<ImportRow> diary = new ArrayList<>(files.getOrDefault("diary", List.of()));
        Map<String, Integer> byViewing = new HashMap<>();
        for (int i = 0; i < diary.size(); i++) {
            byViewing.putIfAbsent(viewingKey(diary.get(i)), i);
        }
        for (ImportRow review : files.getOrDefault("reviews", List.of())) {
            Integer at = byViewing.remove(viewingKey(review));
            if (at != null && review.problem() == null) {
                diary.set(at, diary.get(at).withReview(review.review()));
            } else {
                diary.add(review);
            }
        }
        rows.addAll(diary);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ImportRow row : diary) {
            seen.add(filmKey(row));
        }
        for (ImportRow watched : files.getOrDefault("watched", List.of())) {
            if (seen.add(filmKey(watched))) {
                rows.add(watched);
            }
        }
        rows.addAll(files.getOrDefault("ratings", List.of()));
        rows.addAll(files.getOrDefault("watchlist", List.of()));
        rows.addAll(files.getOrDefault("likes", List.of()));
        return rows;
    }

    private static String viewingKey(ImportRow row) {
        return filmKey(row) + "|" + row.watchedOn();
    }

    private static String filmKey(ImportRow row) {
        return row.title() + "|" + row.year();
    }

    /**
     * A Letterboxd list export: a "Letterboxd list export v7" line, the list's own block
     * ({@code Date,Name,Tags,URL,Description} and one row), a blank line, then its films
     * ({@code Position,Name,Year,URL,Description}; this service's own export adds
     * {@code imdbID,tmdbID}). The list is ranked when every film has a position; a film's
     * Description is its note.
     */
    private List<ImportRow> letterboxdList(String name, String text) {
        String normalised = text.replace("\r\n", "\n");
        // The films' block starts after a blank line; a description may hold blank lines too.
        int blank = normalised.indexOf("\n\nPosition,");
        if (blank < 0) {
            blank = normalised.indexOf("\n\n");
        }
        int headerStart = normalised.indexOf('\n');
        if (blank < 0 || headerStart < 0 || headerStart >= blank) {
            throw new ImportRefused(
                    name + ": a Letterboxd list export needs its list block, a blank line, then its films");
        }
        CSVParser head = csv(name, normalised.substring(headerStart + 1, blank));
        if (!head.getHeaderNames().contains("Name")) {
            throw new ImportRefused(name + ": the list block has no Name column");
        }
        CSVRecord list = null;
        for (CSVRecord record : records(name, head)) {
            list = record;
            break;
        }
        // A name is plain text (this service's export writes it so): "Films I <3" keeps its "<3".
        String listName = list == null ? "" : visibleName(get(list, "Name"));
        if (listName.isEmpty()) {
            listName = shorten(baseName(name).replaceFirst("(?i)\\.csv$", "").replace('-', ' '), LIST_NAME)
                    .strip();
        }
        if (listName.isEmpty()) {
            listName = "Imported list";
        }
        String description = list == null ? null : ReviewText.of(shorten(get(list, "Description"), MAX_REVIEW_MARKUP));
        if (description != null) {
            description = description.isBlank() ? null : shorten(description.strip(), LIST_DESCRIPTION);
        }
        String visibility = list == null ? "" : get(list, "Visibility").toUpperCase(Locale.ROOT);
        if (!List.of("PUBLIC", "FRIENDS", "PRIVATE").contains(visibility)) {
            visibility = null;
        }
        // Lines before the films' header, so each film's line number is the file's.
        int linesBefore = (int) normalised
                        .substring(0, blank + 1)
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;
        CSVParser films = csv(name, normalised.substring(blank + 2));
        if (!films.getHeaderNames().containsAll(List.of("Name", "Year"))) {
            throw new ImportRefused(name + ": the films of a Letterboxd list need Name and Year columns");
        }
        List<CSVRecord> records = new ArrayList<>();
        records(name, films).forEach(records::add);
        boolean ranked =
                !records.isEmpty() && records.stream().allMatch(record -> number(get(record, "Position")) != null);
        List<ImportRow> rows = new ArrayList<>();
        int at = 0;
        for (CSVRecord record : records) {
            at++;
            String title = get(record, "Name");
            String problem = title.isEmpty() ? "has no film name" : broken(record);
            String note = ReviewText.of(shorten(get(record, "Description"), MAX_REVIEW_MARKUP));
            note = note == null || note.isBlank() ? null : shorten(note.strip(), LIST_NOTE);
            Long position = number(get(record, "Position"));
            rows.add(new ImportRow(
                    ImportRow.Kind.LIST_ITEM,
                    name + " line " + (linesBefore + record.getRecordNumber() + 1),
                    shorten(title, MAX_TITLE),
                    year(get(record, "Year")),
                    imdb(get(record, "imdbID")),
                    number(get(record, "tmdbID")),
                    null,
                    null,
                    null,
                    null,
                    false,
                    List.of(),
                    false,
                    problem,
                    new ImportRow.ListPart(
                            listName,
                            description,
                            ranked,
                            ranked && position != null && position > 0 && position <= Integer.MAX_VALUE
                                    ? position.intValue()
                                    : at,
                            note,
                            visibility)));
        }
        return rows;
    }

    // ---- this service's own export, in Letterboxd's import format ----

    private List<ImportRow> exported(String name, CSVParser csv, String lower) {
        boolean watchlist = lower.endsWith("watchlist.csv");
        boolean likes = lower.endsWith("likes.csv");
        List<ImportRow> rows = new ArrayList<>();
        for (CSVRecord record : records(name, csv)) {
            String title = get(record, "Title");
            String problem = broken(record);
            BigDecimal score = null;
            String rating = get(record, "Rating");
            if (!rating.isEmpty()) {
                score = stars(rating);
                if (score == null && problem == null) {
                    problem = "the rating " + shorten(rating, 10) + " is not 0.5 to 5 in half stars";
                }
            }
            LocalDate day = date(get(record, "WatchedDate"));
            ImportRow.Kind kind = watchlist
                    ? ImportRow.Kind.WATCHLIST
                    : likes ? ImportRow.Kind.LIKE : day != null ? ImportRow.Kind.VIEWING : ImportRow.Kind.RATING;
            if (kind == ImportRow.Kind.RATING && score == null && problem == null) {
                problem = "has neither a watched date nor a rating";
            }
            String review = ReviewText.of(shorten(get(record, "Review"), MAX_REVIEW_MARKUP));
            rows.add(new ImportRow(
                    kind,
                    where(name, record),
                    shorten(title, MAX_TITLE),
                    year(get(record, "Year")),
                    imdb(get(record, "imdbID")),
                    number(get(record, "tmdbID")),
                    null,
                    day,
                    score,
                    review,
                    get(record, "Rewatch").equalsIgnoreCase("true")
                            || get(record, "Rewatch").equalsIgnoreCase("Yes"),
                    tags(get(record, "Tags")),
                    false,
                    problem,
                    null));
        }
        return rows;
    }

    // ---- IMDb ----

    private List<ImportRow> imdb(String name, CSVParser csv) {
        List<ImportRow> rows = new ArrayList<>();
        for (CSVRecord record : records(name, csv)) {
            String problem = broken(record);
            String imdbId = imdb(get(record, "Const"));
            if (imdbId == null && problem == null) {
                problem = "Const is not an IMDb title id such as tt0114709";
            }
            BigDecimal score = tenths(get(record, "Your Rating"));
            if (score == null && problem == null) {
                problem = "Your Rating is not a whole number from 1 to 10";
            }
            rows.add(new ImportRow(
                    ImportRow.Kind.RATING,
                    where(name, record),
                    shorten(get(record, "Title"), MAX_TITLE),
                    year(get(record, "Year")),
                    imdbId,
                    null,
                    null,
                    date(get(record, "Date Rated")),
                    score,
                    null,
                    false,
                    List.of(),
                    false,
                    problem,
                    null));
        }
        return rows;
    }

    // ---- Trakt ----

    private List<ImportRow> trakt(String name, String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new ImportRefused(name + ": not JSON");
        }
        if (!json.isArray()) {
            throw new ImportRefused(name + ": a Trakt export file holds a JSON list");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean lists = lower.contains("lists-list-");
        boolean traktRanked = lists
                && !json.isEmpty()
                && json.valueStream().allMatch(item -> item.path("rank").isIntegralNumber());
        List<ImportRow> rows = new ArrayList<>();
        int index = 0;
        for (JsonNode item : json) {
            index++;
            if (++rowsRead > limits.maxRows()) {
                throw new ImportRefused("The file holds more than " + limits.maxRows() + " rows");
            }
            String where = name + " item " + index;
            JsonNode movie = item.path("movie");
            if (!item.path("type").asString("movie").equals("movie") || !movie.isObject()) {
                continue;
            }
            JsonNode ids = movie.path("ids");
            String imdbId = imdb(ids.path("imdb").asString(""));
            Long tmdbId = ids.path("tmdb").isIntegralNumber() ? ids.path("tmdb").asLong() : null;
            String title = shorten(movie.path("title").asString(""), MAX_TITLE);
            Integer year =
                    movie.path("year").isIntegralNumber() ? movie.path("year").asInt() : null;
            String problem = imdbId == null && tmdbId == null ? "has neither an IMDb nor a TMDb id" : null;
            ImportRow.Kind kind;
            LocalDate day = null;
            BigDecimal score = null;
            ImportRow.ListPart listPart = null;
            if (lists) {
                kind = ImportRow.Kind.LIST_ITEM;
                String note = item.path("notes").asString("");
                TraktList details = traktList(name);
                listPart = new ImportRow.ListPart(
                        details.name(),
                        details.description(),
                        traktRanked,
                        item.path("rank").isIntegralNumber()
                                        && item.path("rank").asInt() > 0
                                ? item.path("rank").asInt()
                                : index,
                        note.isBlank() ? null : shorten(note.strip(), LIST_NOTE),
                        null);
            } else if (item.has("watched_at")) {
                kind = ImportRow.Kind.VIEWING;
                day = instantDay(item.path("watched_at").asString(""));
                if (day == null && problem == null) {
                    problem = "watched_at is not a time";
                }
            } else if (item.has("rating")) {
                kind = ImportRow.Kind.RATING;
                score = item.path("rating").isIntegralNumber()
                        ? tenths(item.path("rating").asString())
                        : null;
                day = instantDay(item.path("rated_at").asString(""));
                if (score == null && problem == null) {
                    problem = "rating is not a whole number from 1 to 10";
                }
            } else {
                kind = ImportRow.Kind.WATCHLIST;
            }
            rows.add(new ImportRow(
                    kind, where, title, year, imdbId, tmdbId, null, day, score, null, false, List.of(), false, problem,
                    listPart));
        }
        // Every viewing of a movie after its first is a rewatch.
        List<ImportRow> ordered = new ArrayList<>(rows);
        ordered.sort(java.util.Comparator.comparing(
                (ImportRow row) -> row.watchedOn() == null ? LocalDate.MIN : row.watchedOn()));
        java.util.Set<String> seen = new java.util.HashSet<>();
        Map<ImportRow, Boolean> rewatch = new java.util.IdentityHashMap<>();
        for (ImportRow row : ordered) {
            if (row.kind() == ImportRow.Kind.VIEWING) {
                rewatch.put(row, !seen.add(row.imdbId() + "|" + row.tmdbId()));
            }
        }
        List<ImportRow> result = new ArrayList<>();
        for (ImportRow row : rows) {
            result.add(
                    Boolean.TRUE.equals(rewatch.get(row))
                            ? new ImportRow(
                                    row.kind(),
                                    row.where(),
                                    row.title(),
                                    row.year(),
                                    row.imdbId(),
                                    row.tmdbId(),
                                    null,
                                    row.watchedOn(),
                                    row.score(),
                                    row.review(),
                                    true,
                                    row.tags(),
                                    false,
                                    row.problem(),
                                    row.list())
                            : row);
        }
        return result;
    }

    /**
     * A list's name as a list keeps one: control characters (a quoted line break) become spaces,
     * at most {@value #LIST_NAME} characters, without cutting a character in two.
     */
    static String visibleName(String text) {
        StringBuilder name = new StringBuilder();
        String bounded = shorten(text, LIST_NAME * 4);
        for (int i = 0; i < bounded.length(); i++) {
            char c = bounded.charAt(i);
            name.append(Character.isISOControl(c) || c == '\uFFFD' ? ' ' : c);
        }
        String stripped = name.toString().strip();
        if (stripped.length() > LIST_NAME) {
            int end = Character.isHighSurrogate(stripped.charAt(LIST_NAME - 1)) ? LIST_NAME - 1 : LIST_NAME;
            stripped = stripped.substring(0, end).strip();
        }
        return stripped;
    }

    /** lists-lists.json: each list's name and description, by its Trakt id and its slug. */
    private void traktLists(String name, String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new ImportRefused(name + ": not JSON");
        }
        if (!json.isArray()) {
            throw new ImportRefused(name + ": a Trakt export file holds a JSON list");
        }
        for (JsonNode list : json) {
            if (++rowsRead > limits.maxRows()) {
                throw new ImportRefused("The file holds more than " + limits.maxRows() + " rows");
            }
            String listName = visibleName(list.path("name").asString(""));
            if (listName.isEmpty()) {
                continue;
            }
            String description = list.path("description").asString("").strip();
            TraktList details = new TraktList(
                    listName,
                    description.isEmpty()
                            ? null
                            : shorten(withoutControls(description), LIST_DESCRIPTION)
                                    .strip());
            JsonNode ids = list.path("ids");
            if (ids.path("trakt").isIntegralNumber()) {
                traktLists.putIfAbsent("id:" + ids.path("trakt").asLong(), details);
            }
            String slug = ids.path("slug").asString("");
            if (!slug.isEmpty()) {
                traktLists.putIfAbsent("slug:" + shorten(slug, 200).toLowerCase(Locale.ROOT), details);
            }
        }
    }

    /** Text with control characters other than line breaks and tabs as spaces. */
    private static String withoutControls(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append(Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' ? ' ' : c);
        }
        return clean.toString();
    }

    /**
     * A Trakt list's details: from lists-lists.json when it names the list (Trakt names the list's
     * file lists-list-{id}-{slug}.json, or lists-list-{slug}.json), else from the file's name:
     * lists-list-heist-nights.json is "Heist nights".
     */
    private TraktList traktList(String fileName) {
        String rest = baseName(fileName)
                .replaceFirst("(?i)\\.json$", "")
                .replaceFirst("(?i)^lists-list-", "")
                .toLowerCase(Locale.ROOT);
        int dash = rest.indexOf('-');
        String id = dash > 0 ? rest.substring(0, dash) : rest;
        boolean numbered = !id.isEmpty() && id.length() <= 18 && id.chars().allMatch(c -> c >= '0' && c <= '9');
        String slug = numbered ? (dash > 0 ? rest.substring(dash + 1) : "") : rest;
        TraktList known = numbered ? traktLists.get("id:" + Long.parseLong(id)) : null;
        if (known == null) {
            known = traktLists.get("slug:" + slug);
        }
        if (known == null) {
            known = traktLists.get("slug:" + rest);
        }
        return known != null ? known : new TraktList(traktListName(slug), null);
    }

    /** A list's name from a Trakt slug: heist-nights is "Heist nights". */
    private static String traktListName(String fileSlug) {
        String slug = fileSlug.replace('-', ' ').replace('_', ' ').strip();
        if (slug.isEmpty()) {
            return "Imported list";
        }
        return shorten(Character.toUpperCase(slug.charAt(0)) + slug.substring(1), LIST_NAME);
    }

    // ---- values ----

    private static @Nullable String broken(CSVRecord record) {
        for (String value : record) {
            if (value.indexOf('\uFFFD') >= 0) {
                return "holds bytes that are not UTF-8 text";
            }
        }
        return null;
    }

    static @Nullable BigDecimal stars(String text) {
        if (text.length() > 6) {
            return null;
        }
        try {
            BigDecimal score = new BigDecimal(text);
            return ViewingRules.isHalfStars(score) ? score.setScale(1, RoundingMode.UNNECESSARY) : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** 1 to 10 as half stars: 9 is 4.5. */
    static @Nullable BigDecimal tenths(String text) {
        if (text.isEmpty() || text.length() > 2) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            return value >= 1 && value <= 10
                    ? BigDecimal.valueOf(value).divide(BigDecimal.valueOf(2)).setScale(1)
                    : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Integer year(String text) {
        if (text.isEmpty() || text.length() > 4) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Long number(String text) {
        if (text.isEmpty() || text.length() > 12) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable LocalDate date(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable LocalDate instantDay(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.ofInstant(Instant.parse(text), ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** {@code tt0114709} for IMDb's title ids in either spelling, else null. */
    static @Nullable String imdb(String text) {
        String digits = text.startsWith("tt") ? text.substring(2) : text;
        if (digits.isEmpty() || digits.length() > 10) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i)) || digits.charAt(i) > '9') {
                return null;
            }
        }
        return "tt" + (digits.length() < 7 ? "0".repeat(7 - digits.length()) + digits : digits);
    }

    private static List<String> tags(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (String tag : shorten(text, 5000).split(",")) {
            String stripped = tag.strip();
            if (!stripped.isEmpty()
                    && stripped.length() <= ViewingRules.MAX_TAG_LENGTH
                    && stripped.chars().noneMatch(Character::isISOControl)
                    && tags.size() < ViewingRules.MAX_TAGS
                    && !tags.contains(stripped)) {
                tags.add(stripped);
            }
        }
        return List.copyOf(tags);
    }

    private static String baseName(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return shorten(fileName.substring(slash + 1), 200);
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
