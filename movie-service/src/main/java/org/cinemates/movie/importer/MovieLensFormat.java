package org.cinemates.movie.importer;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import java.util.ArrayList;
import java.util.List;
import org.cinemates.movie.catalog.Genres;
import org.cinemates.movie.catalog.SearchText;
import org.jspecify.annotations.Nullable;

/**
 * Reads the rows of MovieLens CSV files: each line is one RFC 4180 record (parsed by FastCSV), and
 * each field is checked before anything reaches the database.
 */
final class MovieLensFormat {

    /** Ids from 10,000,000 on belong to movies added through the API. */
    static final long MAX_MOVIE_ID = 9_999_999;

    static final int MAX_TITLE_LENGTH = 500;
    static final int MAX_TAG_LENGTH = 100;
    static final int MAX_GENRES = 20;

    private static final int MIN_YEAR = 1800;
    private static final int MAX_YEAR = 2200;

    private final CsvReader.CsvReaderBuilder csv = CsvReader.builder();
    private final int maxFieldLength;

    MovieLensFormat(int maxLineLength) {
        this.maxFieldLength = maxLineLength;
    }

    record MovieRow(long id, String title, @Nullable Integer year, String genres) {}

    record LinkRow(
            long movieId, @Nullable String imdbId, @Nullable Long tmdbId) {}

    record TagRow(long movieId, String tag, String key) {}

    /** Whether a first line is the file's header (and not a row). */
    static boolean isHeader(String line, ImportFile file) {
        return line.strip().equalsIgnoreCase(file.header());
    }

    /**
     * @return the movie, its genres field as written: {@link #genreNames(String)} reads and checks
     *     it (once per distinct field, as few as there are combinations of genres)
     */
    MovieRow movie(String line) throws BadRow {
        List<String> fields = fields(line, ImportFile.MOVIES);
        long id = movieId(fields.get(0));
        String written = fields.get(1).strip();
        String title = written;
        Integer year = null;
        int open = yearStart(written);
        if (open > 0) {
            year = Integer.parseInt(written, open + 1, open + 5, 10);
            title = written.substring(0, open).strip();
        }
        if (title.isEmpty()) {
            throw new BadRow("has no title");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            throw new BadRow("has a title longer than " + MAX_TITLE_LENGTH + " characters");
        }
        return new MovieRow(id, title, year, fields.get(2).strip());
    }

    /** The genre names of a genres field ("Comedy|Romance"), checked. */
    static List<String> genreNames(String genres) throws BadRow {
        if (genres.isEmpty() || genres.equals(Genres.NONE_LISTED)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : genres.split("\\|")) {
            if (name.isBlank()) {
                continue;
            }
            if (!Genres.isValidName(name)) {
                throw new BadRow("has a genre that is not 1 to " + Genres.MAX_NAME_LENGTH + " characters of text");
            }
            names.add(name.strip());
        }
        if (names.size() > MAX_GENRES) {
            throw new BadRow("has more than " + MAX_GENRES + " genres");
        }
        return names;
    }

    LinkRow link(String line) throws BadRow {
        List<String> fields = fields(line, ImportFile.LINKS);
        long movieId = movieId(fields.get(0));
        String imdbId = fields.get(1).strip();
        if (!imdbId.isEmpty() && !digits(imdbId, 10)) {
            throw new BadRow("has an imdbId that is not a number of up to 10 digits: '" + excerpt(imdbId) + "'");
        }
        String tmdbId = fields.get(2).strip();
        if (!tmdbId.isEmpty() && !digits(tmdbId, 18)) {
            throw new BadRow("has a tmdbId that is not a number: '" + excerpt(tmdbId) + "'");
        }
        return new LinkRow(movieId, imdbId.isEmpty() ? null : imdbId, tmdbId.isEmpty() ? null : Long.parseLong(tmdbId));
    }

    TagRow tag(String line) throws BadRow {
        List<String> fields = fields(line, ImportFile.TAGS);
        long movieId = movieId(fields.get(1));
        String tag = fields.get(2).strip().replaceAll("\\s+", " ");
        if (tag.isEmpty()) {
            throw new BadRow("has an empty tag");
        }
        if (tag.length() > MAX_TAG_LENGTH) {
            throw new BadRow("has a tag longer than " + MAX_TAG_LENGTH + " characters");
        }
        String key = SearchText.normalize(tag);
        if (key.isEmpty()) {
            throw new BadRow("has a tag without letters or digits");
        }
        return new TagRow(movieId, tag, key);
    }

    /** The movie a rating is for; the rating itself belongs to preference-service. */
    long ratedMovie(String line) throws BadRow {
        return movieId(fields(line, ImportFile.RATINGS).get(1));
    }

    private List<String> fields(String line, ImportFile file) throws BadRow {
        if (line.isEmpty()) {
            throw new BadRow("is empty");
        }
        if (quotes(line) % 2 != 0) {
            throw new BadRow("has a quote that is not closed");
        }
        int expected = file.columns().size();
        CsvRecord record;
        try {
            CsvRecordHandler handler = CsvRecordHandler.builder()
                    .maxFields(expected)
                    .maxFieldSize(maxFieldLength)
                    .build();
            record = csv.ofSingleCsvRecord(handler, line);
        } catch (CsvParseException e) {
            throw new BadRow(problem(e, expected));
        }
        if (record.getFieldCount() != expected) {
            throw new BadRow(
                    "has " + record.getFieldCount() + " fields, expected " + expected + " (" + file.header() + ")");
        }
        List<String> fields = record.getFields();
        for (String field : fields) {
            if (hasControlCharacters(field)) {
                throw new BadRow("has control characters");
            }
        }
        return fields;
    }

    private static String problem(CsvParseException e, int expected) {
        String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        if (message.contains("maximum limit") && message.contains("fields")) {
            return "has more than " + expected + " fields";
        }
        if (message.contains("after closing quote")) {
            return "has text after a closing quote";
        }
        if (message.contains("field size")) {
            return "has a field that is too long";
        }
        return "is not a valid CSV record";
    }

    /**
     * Where the year in parentheses at the end of a title starts: "Toy Story (1995)", and the odd
     * series "Death Note (2006–2007)". -1 when there is none, or nothing before it.
     */
    private static int yearStart(String title) {
        int end = title.length() - 1;
        if (end < 6 || title.charAt(end) != ')') {
            return -1;
        }
        int open = title.lastIndexOf('(', end);
        String inside = title.substring(open + 1, end);
        boolean single = inside.length() == 4 && digits(inside, 4);
        boolean range = inside.length() == 9
                && digits(inside.substring(0, 4), 4)
                && (inside.charAt(4) == '-' || inside.charAt(4) == '\u2013')
                && digits(inside.substring(5), 4);
        if (open < 1 || !(single || range) || title.substring(0, open).isBlank()) {
            return -1;
        }
        int year = Integer.parseInt(inside, 0, 4, 10);
        return year >= MIN_YEAR && year <= MAX_YEAR ? open : -1;
    }

    private static long movieId(String field) throws BadRow {
        String id = field.strip();
        if (!digits(id, 7)) {
            throw new BadRow(
                    "has a movieId that is not a number from 1 to " + MAX_MOVIE_ID + ": '" + excerpt(id) + "'");
        }
        long value = Long.parseLong(id);
        if (value < 1) {
            throw new BadRow("has a movieId that is not a number from 1 to " + MAX_MOVIE_ID + ": '" + id + "'");
        }
        return value;
    }

    private static int quotes(String line) {
        int quotes = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes;
    }

    private static boolean digits(String text, int maxDigits) {
        if (text.isEmpty() || text.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasControlCharacters(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static String excerpt(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
