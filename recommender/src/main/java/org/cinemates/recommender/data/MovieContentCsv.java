package org.cinemates.recommender.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The genres ({@code movies.csv}: {@code movieId,title,genres}, genres separated by {@code |}) and
 * tags ({@code tags.csv}: {@code userId,movieId,tag,timestamp}) of a MovieLens folder, by movie id,
 * for the content signal. Rows that cannot be read are skipped; a missing file reads as empty.
 */
public final class MovieContentCsv {

    /** Genres and distinct tags (in first-seen order) by movie id. */
    public record Content(Map<Long, List<String>> genres, Map<Long, List<String>> tags) {

        public List<String> genresOf(long movieId) {
            return genres.getOrDefault(movieId, List.of());
        }

        public List<String> tagsOf(long movieId) {
            return tags.getOrDefault(movieId, List.of());
        }
    }

    private MovieContentCsv() {}

    /** No genres and no tags. */
    public static Content empty() {
        return new Content(Map.of(), Map.of());
    }

    public static Content read(Path folder) throws IOException {
        Map<Long, List<String>> genres = new HashMap<>();
        for (List<String> row : rows(folder.resolve("movies.csv"))) {
            Long movie = id(row, 0);
            if (movie != null && row.size() >= 3) {
                genres.put(movie, List.of(row.get(2).split("\\|")));
            }
        }
        Map<Long, List<String>> tags = new HashMap<>();
        for (List<String> row : rows(folder.resolve("tags.csv"))) {
            Long movie = id(row, 1);
            if (movie != null && row.size() >= 3 && !row.get(2).isBlank()) {
                List<String> mine = tags.computeIfAbsent(movie, m -> new ArrayList<>());
                String tag = row.get(2).strip();
                if (mine.stream().noneMatch(tag::equalsIgnoreCase)) {
                    mine.add(tag);
                }
            }
        }
        return new Content(genres, tags);
    }

    private static @Nullable Long id(List<String> row, int column) {
        try {
            return row.size() > column ? Long.valueOf(row.get(column).strip()) : null;
        } catch (NumberFormatException e) {
            return null; // the header, or a bad row
        }
    }

    private static List<List<String>> rows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return rows;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(fields(line));
            }
        }
        return rows;
    }

    /** The fields of one CSV line: commas separate, double quotes enclose, {@code ""} is a quote. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (quoted) {
                if (c == '"' && k + 1 < line.length() && line.charAt(k + 1) == '"') {
                    field.append('"');
                    k++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
