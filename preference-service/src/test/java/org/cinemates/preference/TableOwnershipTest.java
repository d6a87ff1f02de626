package org.cinemates.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A feature owns its tables in SQL as well as in Java: ArchUnit cannot see a {@code select} that
 * crosses the line, so this reads the sources. SQL naming a table may appear only in the package that
 * owns it; everyone else asks that package's API ({@code MemberRatings}, {@code CommunityRatings}).
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/org/cinemates/preference");

    /** Table → the package (folder under {@link #SOURCES}) that owns it. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("ratings", "rating"),
            Map.entry("community_ratings", "community"),
            Map.entry("community_imports", "community"),
            Map.entry("watchlist", "watchlist"),
            Map.entry("diary_entries", "diary"),
            Map.entry("liked_movies", "diary"),
            Map.entry("history_imports", "history"),
            Map.entry("movie_lists", "list"),
            Map.entry("movie_list_items", "list"),
            Map.entry("friend_recommendations", "sharing"));

    private static final List<String> VERBS = List.of("from", "join", "into", "update", "table");

    @Test
    void onlyTheOwningPackageWritesSqlAboutItsTables() throws IOException {
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String where = SOURCES.relativize(file).toString().replace('\\', '/');
                String text = Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                OWNERS.forEach((table, owner) -> {
                    if (!where.startsWith(owner + "/") && namesTable(text, table)) {
                        trespasses.add(where + " names table " + table + " (owned by " + owner + ")");
                    }
                });
            }
        }
        assertThat(trespasses).isEmpty();
    }

    @Test
    void theCheckSeesACrossingSelect() {
        assertThat(namesTable("jdbc.sql(\"select movie_id from ratings where user_id = 1\")", "ratings"))
                .isTrue();
        assertThat(namesTable("\"\"\"\n  select r.score\n  from\n    ratings r\n\"\"\"", "ratings"))
                .isTrue();
        assertThat(namesTable("select 1 from community_ratings", "ratings")).isFalse();
        assertThat(namesTable("// the member's ratings, from the rating package", "ratings"))
                .isFalse();
    }

    /** Whether {@code text} has an SQL verb followed (across white space) by the table's name as a word. */
    static boolean namesTable(String text, String table) {
        for (String verb : VERBS) {
            int at = 0;
            while ((at = text.indexOf(verb, at)) >= 0) {
                int end = at + verb.length();
                boolean wordStart = at == 0 || !isWord(text.charAt(at - 1));
                int next = end;
                while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                boolean spaced = next > end;
                if (wordStart
                        && spaced
                        && text.startsWith(table, next)
                        && (next + table.length() == text.length() || !isWord(text.charAt(next + table.length())))) {
                    return true;
                }
                at = end;
            }
        }
        return false;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
