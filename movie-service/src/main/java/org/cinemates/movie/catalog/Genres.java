package org.cinemates.movie.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The genres the catalogue knows, each owning one bit of {@code movies.genre_bits}. MovieLens's
 * nineteen come with the schema; a genre seen for the first time (in an import or an edit) gets
 * the next free bit, up to {@value #MAX_GENRES}. Names compare without regard to case.
 */
@Component
public class Genres {

    public static final int MAX_GENRES = 63;
    public static final int MAX_NAME_LENGTH = 50;
    /** What MovieLens writes for a movie without genres. */
    public static final String NONE_LISTED = "(no genres listed)";

    private final JdbcClient jdbc;
    private volatile @Nullable Snapshot snapshot;

    Genres(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Genre(int bit, String name) {

        public long mask() {
            return 1L << bit;
        }
    }

    /** The genres as last read; read again after every catalogue change. */
    public Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            current = new Snapshot(load(jdbc));
            snapshot = current;
        }
        return current;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogueChanged change) {
        snapshot = null;
    }

    /**
     * For a change being written: looks genres up in the caller's transaction and registers new
     * ones there, so they are rolled back with it.
     */
    public Registration registration() {
        return new Registration(jdbc, load(jdbc));
    }

    /** Whether {@code name} (trimmed) can be a genre name: visible text without control characters or '|'. */
    public static boolean isValidName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '|' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static List<Genre> load(JdbcClient jdbc) {
        return jdbc.sql("select bit, name from genres order by bit")
                .query((rs, row) -> new Genre(rs.getInt("bit"), rs.getString("name")))
                .list();
    }

    /** An immutable view of the registry. */
    public static final class Snapshot {

        private final List<Genre> all;
        private final Map<String, Genre> byKey = new HashMap<>();

        Snapshot(List<Genre> all) {
            this.all = List.copyOf(all);
            all.forEach(genre -> byKey.put(key(genre.name()), genre));
        }

        public Optional<Genre> find(String name) {
            return Optional.ofNullable(byKey.get(key(name)));
        }

        public List<Genre> all() {
            return all;
        }
    }

    /** Genre lookups and registrations inside one transaction. */
    public static final class Registration {

        private final JdbcClient jdbc;
        private final Map<String, Genre> byKey = new HashMap<>();
        private final boolean[] taken = new boolean[MAX_GENRES];

        Registration(JdbcClient jdbc, List<Genre> existing) {
            this.jdbc = jdbc;
            for (Genre genre : existing) {
                byKey.put(key(genre.name()), genre);
                taken[genre.bit()] = true;
            }
        }

        /**
         * The canonical names of {@code names} (known spelling, duplicates dropped, order kept)
         * and their bits, registering names not seen before.
         *
         * @throws TooManyGenres when a new name finds no free bit
         */
        public Resolved resolve(Collection<String> names) {
            var canonical = new LinkedHashSet<String>();
            long bits = 0;
            for (String name : names) {
                Genre genre = byKey.get(key(name));
                if (genre == null) {
                    genre = register(name.strip().replaceAll("\\s+", " "));
                }
                canonical.add(genre.name());
                bits |= genre.mask();
            }
            return new Resolved(new ArrayList<>(canonical), bits);
        }

        private Genre register(String name) {
            int bit = 0;
            while (bit < MAX_GENRES && taken[bit]) {
                bit++;
            }
            if (bit == MAX_GENRES) {
                throw new TooManyGenres(name);
            }
            jdbc.sql("insert into genres (bit, name, name_key) values (:bit, :name, :key)")
                    .param("bit", bit)
                    .param("name", name)
                    .param("key", key(name))
                    .update();
            Genre genre = new Genre(bit, name);
            taken[bit] = true;
            byKey.put(key(name), genre);
            return genre;
        }
    }

    /** Genre names as stored, and the bits they set. */
    public record Resolved(List<String> names, long bits) {

        public String joined() {
            return String.join("|", names);
        }
    }
}
