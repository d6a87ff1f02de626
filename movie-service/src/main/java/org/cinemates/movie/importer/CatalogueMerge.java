package org.cinemates.movie.importer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based statements that merge staged rows into the catalogue, inside the import's
 * transaction. Every statement writes only rows that change, so importing the same files again
 * writes nothing. Movies an admin edited or removed are left alone.
 */
final class CatalogueMerge {

    /** Serialises imports across instances sharing a database ("movies" in ASCII). */
    private static final long IMPORT_LOCK = 0x6d6f76696573L;

    private final JdbcClient jdbc;

    CatalogueMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other instance is importing; held until the transaction ends. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", IMPORT_LOCK)
                .query((rs, row) -> 1)
                .list();
    }

    void clearStaging() {
        List<String> tables = List.of(LoadTarget.values()).stream()
                .filter(LoadTarget::staging)
                .map(LoadTarget::table)
                .toList();
        jdbc.sql("truncate " + String.join(", ", tables)).update();
    }

    boolean catalogueIsEmpty() {
        return jdbc.sql("select count(*) from (select id from movies limit 1) any_movie")
                        .query(Long.class)
                        .single()
                == 0;
    }

    /**
     * Empty catalogue: drops the secondary indexes of {@code movies} (keeping their
     * definitions), so the first load is not slowed by updating them row by row. Must run in a
     * transaction of its own that has not touched {@code movies} before.
     *
     * @return whether indexes were deferred
     */
    boolean deferIndexesIfEmpty() {
        if (!catalogueIsEmpty()) {
            return false;
        }
        List<String[]> indexes = jdbc.sql("""
                        select i.indexname, i.indexdef from pg_indexes i
                        where i.schemaname = current_schema() and i.tablename = 'movies'
                          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
                        """)
                .query((rs, row) -> new String[] {rs.getString("indexname"), rs.getString("indexdef")})
                .list();
        for (String[] index : indexes) {
            jdbc.sql("insert into deferred_indexes (name, definition) values (:name, :definition)")
                    .param("name", index[0])
                    .param("definition", index[1])
                    .update();
            jdbc.sql("drop index " + quoted(index[0])).update();
        }
        return !indexes.isEmpty();
    }

    /** A secondary index of {@code movies} that a load dropped, with the statement that builds it. */
    record DeferredIndex(String name, String definition) {}

    List<DeferredIndex> deferredIndexes() {
        return jdbc.sql("select name, definition from deferred_indexes order by name")
                .query((rs, row) -> new DeferredIndex(rs.getString("name"), rs.getString("definition")))
                .list();
    }

    /** Builds a deferred index (readers go on meanwhile; writers wait) and forgets it was deferred. */
    void build(DeferredIndex index) {
        jdbc.sql(index.definition().replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS "))
                .update();
        jdbc.sql("delete from deferred_indexes where name = :name")
                .param("name", index.name())
                .update();
    }

    /** Builds indexes that a load deferred, or that a crash left deferred. */
    void restoreDeferredIndexes() {
        deferredIndexes().forEach(this::build);
    }

    record Changes(long inserted, long updated) {}

    /**
     * Staged movies, with staged links where links.csv had a row for them (without one, a movie
     * keeps its links), into {@code movies}: new ones inserted, changed ones updated.
     */
    Changes mergeMovies(Instant now) {
        return jdbc.sql("with incoming as (" + INCOMING + """
                        ), upserted as (
                            insert into movies (id, title, release_year, genres, genre_bits, imdb_id, tmdb_id, search_title, updated_at)
                            select id, title, release_year, genres, genre_bits, imdb_id, tmdb_id, search_title, :now
                            from incoming where
                        """ + CHANGED + """
                            on conflict (id) do update set
                                title = excluded.title, release_year = excluded.release_year, genres = excluded.genres,
                                genre_bits = excluded.genre_bits, imdb_id = excluded.imdb_id,
                                tmdb_id = excluded.tmdb_id, search_title = excluded.search_title,
                                updated_at = excluded.updated_at
                            returning (xmax = 0) as inserted
                        )
                        select count(*) filter (where inserted) as inserted,
                               count(*) filter (where not inserted) as updated
                        from upserted
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Changes(rs.getLong("inserted"), rs.getLong("updated")))
                .single();
    }

    /** Movies an admin edited or removed: imports leave them alone. */
    BitSet editedMovies() {
        BitSet edited = new BitSet();
        jdbc.sql("select movie_id from movie_edits where movie_id <= :maxImportedId")
                .param("maxImportedId", MovieLensFormat.MAX_MOVIE_ID)
                .query(Long.class)
                .list()
                .forEach(id -> edited.set(Math.toIntExact(id)));
        return edited;
    }

    /** After movies were copied straight into an empty catalogue: their links, from the staged links.csv. */
    void linkCopiedMovies() {
        jdbc.sql("""
                        update movies set imdb_id = l.imdb_id, tmdb_id = l.tmdb_id
                        from link_import_rows l where l.movie_id = movies.id
                        """).update();
    }

    private static final String INCOMING = """
            select s.id, s.title, s.release_year, s.genres, s.genre_bits, s.search_title,
                   case when l.movie_id is null then m.imdb_id else l.imdb_id end as imdb_id,
                   case when l.movie_id is null then m.tmdb_id else l.tmdb_id end as tmdb_id,
                   m.id as current_id, m.title as current_title, m.release_year as current_release_year,
                   m.genres as current_genres, m.imdb_id as current_imdb_id, m.tmdb_id as current_tmdb_id
            from movie_import_rows s
            left join movies m on m.id = s.id
            left join link_import_rows l on l.movie_id = s.id
            where not exists (select 1 from movie_edits e where e.movie_id = s.id)
            """;

    private static final String CHANGED = """
            current_id is null
               or (current_title, current_release_year, current_genres, current_imdb_id, current_tmdb_id)
                  is distinct from (title, release_year, genres, imdb_id, tmdb_id)
            """;

    /**
     * Replaces every movie's tag counts with those of the staged tags.csv: counts per movie and
     * normalised tag, written only where they differ, and tags no longer there removed.
     */
    void mergeTags() {
        jdbc.sql("""
                        insert into tag_count_rows (movie_id, tag_key, tag, applications)
                        select t.movie_id, t.tag_key, min(t.tag), count(*) from tag_import_rows t
                        where exists (select 1 from movies m where m.id = t.movie_id)
                        group by t.movie_id, t.tag_key
                        """).update();
        jdbc.sql("""
                        delete from movie_tags where not exists (select 1 from tag_count_rows c
                            where c.movie_id = movie_tags.movie_id and c.tag_key = movie_tags.tag_key)
                        """).update();
        jdbc.sql("""
                        insert into movie_tags (movie_id, tag_key, tag, applications)
                        select movie_id, tag_key, tag, applications from tag_count_rows
                        on conflict (movie_id, tag_key) do update
                            set tag = excluded.tag, applications = excluded.applications
                            where (movie_tags.tag, movie_tags.applications)
                                is distinct from (excluded.tag, excluded.applications)
                        """).update();
    }

    /** Sets each imported movie's popularity to its number of staged ratings (0 without any). */
    void mergePopularity() {
        jdbc.sql("""
                        update movies set popularity = coalesce(
                            (select p.ratings from popularity_import_rows p where p.movie_id = movies.id), 0)
                        where id <= :maxImportedId and popularity <> coalesce(
                            (select p.ratings from popularity_import_rows p where p.movie_id = movies.id), 0)
                        """).param("maxImportedId", MovieLensFormat.MAX_MOVIE_ID).update();
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
