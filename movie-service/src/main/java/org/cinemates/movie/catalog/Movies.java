package org.cinemates.movie.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** All movies of the catalogue, found by id or by search. */
@Repository
class Movies {

    /** Tags shown with a movie. */
    static final int TOP_TAGS = 10;

    /**
     * How alike a title word must be to a query for the typo-tolerant fallback (pg_trgm word
     * similarity, 0 to 1): 0.5 lets "amelei" find "amelie" and "terminater" find "terminator".
     */
    private static final String FUZZY_THRESHOLD = "0.5";

    private final JdbcClient jdbc;

    Movies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The movies with these ids, in no particular order; unknown ids are left out. */
    List<Movie> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> tags = topTags(ids);
        return jdbc.sql("""
                        select id, title, release_year, genres, imdb_id, tmdb_id, popularity
                        from movies where id in (:ids)
                        """)
                .param("ids", ids)
                .query((rs, row) -> movie(rs, tags))
                .list();
    }

    /** One page of ids matching the criteria, in the order asked for, and how many match in all. */
    record Hits(List<Long> ids, long total, boolean approximate) {
        Hits {
            ids = List.copyOf(ids); // kept by the cache and shared between requests
        }
    }

    /** In one read-only transaction: a search without exact matches sets its threshold in it. */
    @Transactional(readOnly = true)
    Hits search(SearchCriteria criteria) {
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = filters(criteria, params);
        List<String> words = criteria.words();
        for (int i = 0; i < words.size(); i++) {
            conditions.add("search_title like :w" + i);
            params.put("w" + i, "%" + words.get(i) + "%");
        }
        Hits hits = page(conditions, order(criteria, params), params, criteria, false);
        if (hits.total() == 0 && criteria.query().length() >= 3) {
            Hits similar = fuzzy(criteria);
            return similar.total() > 0 ? similar : hits;
        }
        return hits;
    }

    /**
     * When no title contains every word, titles with words like the query's (typos, missing
     * letters), best first. Runs inside the caller's transaction, which the threshold is set for.
     */
    private Hits fuzzy(SearchCriteria criteria) {
        jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', :threshold, true)")
                .param("threshold", FUZZY_THRESHOLD)
                .query(String.class)
                .single();
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = filters(criteria, params);
        conditions.add(":q <% search_title");
        params.put("q", criteria.query());
        return page(
                conditions,
                "word_similarity(:q, search_title) desc, popularity desc, search_title, id",
                params,
                criteria,
                true);
    }

    private Hits page(
            List<String> conditions,
            String order,
            Map<String, Object> params,
            SearchCriteria criteria,
            boolean approximate) {
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        params.put("limit", criteria.size());
        params.put("offset", criteria.offset());
        List<Long> ids = jdbc.sql(
                        "select id from movies" + where + " order by " + order + " limit :limit offset :offset")
                .params(params)
                .query(Long.class)
                .list();
        long total;
        if (ids.size() < criteria.size() && (!ids.isEmpty() || criteria.page() == 0)) {
            total = criteria.offset() + ids.size();
        } else {
            total = jdbc.sql("select count(*) from movies" + where)
                    .params(params)
                    .query(Long.class)
                    .single();
        }
        return new Hits(ids, total, approximate);
    }

    private static List<String> filters(SearchCriteria criteria, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (criteria.genreMask() != null) {
            conditions.add("bitand(genre_bits, cast(:genre as bigint)) <> 0");
            params.put("genre", criteria.genreMask());
        }
        if (criteria.yearFrom() != null) {
            conditions.add("release_year >= :yearFrom");
            params.put("yearFrom", criteria.yearFrom());
        }
        if (criteria.yearTo() != null) {
            conditions.add("release_year <= :yearTo");
            params.put("yearTo", criteria.yearTo());
        }
        if (criteria.tagKey() != null) {
            conditions.add("exists (select 1 from movie_tags t where t.movie_id = movies.id and t.tag_key = :tag)");
            params.put("tag", criteria.tagKey());
        }
        return conditions;
    }

    /**
     * Relevance ranks an exact title over a title that starts with the query, over titles where
     * every query word starts a word, over titles that merely contain the words; then the more
     * popular, then the shorter title. Titles are compared in their search form ({@link
     * SearchText}).
     */
    private static String order(SearchCriteria criteria, Map<String, Object> params) {
        return switch (criteria.sort()) {
            case RELEVANCE -> {
                if (!criteria.hasQuery()) {
                    yield "popularity desc, search_title, id";
                }
                params.put("exact", criteria.query());
                params.put("prefix", criteria.query() + "%");
                String exact = "search_title = :exact";
                String prefix = "search_title like :prefix";
                Optional<SearchText.ArticleLast> moved = SearchText.articleLast(criteria.query());
                if (moved.isPresent()) {
                    // MovieLens writes "Godfather, The": "the godfather" must find it as exactly as it reads.
                    params.put("moved", moved.get().title());
                    params.put("movedPrefix", moved.get().rest() + "%");
                    params.put("movedSuffix", "% " + moved.get().article());
                    exact += " or search_title = :moved";
                    prefix += " or (search_title like :movedPrefix and search_title like :movedSuffix)";
                }
                List<String> wordStarts = new ArrayList<>();
                List<String> words = criteria.words();
                for (int i = 0; i < words.size(); i++) {
                    wordStarts.add("(' ' || search_title) like :wp" + i);
                    params.put("wp" + i, "% " + words.get(i) + "%");
                }
                yield "case when " + exact + " then 0 when " + prefix + " then 1 when "
                        + String.join(" and ", wordStarts)
                        + " then 2 else 3 end, popularity desc, length(search_title), search_title, id";
            }
            case TITLE -> "search_title, id";
            case YEAR -> "release_year nulls last, search_title, id";
            case NEWEST -> "release_year desc nulls last, search_title, id";
            case POPULARITY -> "popularity desc, search_title, id";
        };
    }

    /** How many movies have each combination of genres, as {@code genre_bits -> count}. */
    Map<Long, Long> countByGenreBits() {
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select genre_bits, count(*) as movies from movies group by genre_bits")
                .query(rs -> {
                    counts.put(rs.getLong("genre_bits"), rs.getLong("movies"));
                });
        return counts;
    }

    long nextId() {
        return jdbc.sql("select nextval('movie_ids')").query(Long.class).single();
    }

    boolean exists(long id) {
        return jdbc.sql("select count(*) from movies where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The editable part of a movie, checked and normalised. */
    record Details(
            String title,
            @Nullable Integer year,
            Genres.Resolved genres,
            @Nullable String imdbId,
            @Nullable Long tmdbId) {}

    void insert(long id, Details details, Instant now) {
        jdbc.sql("""
                        insert into movies (id, title, release_year, genres, genre_bits, imdb_id, tmdb_id, search_title, updated_at)
                        values (:id, :title, :year, :genres, :genreBits, :imdbId, :tmdbId, :searchTitle, :now)
                        """).params(columns(id, details, now)).update();
    }

    /** @return whether there was such a movie */
    boolean update(long id, Details details, Instant now) {
        return jdbc.sql("""
                                update movies set title = :title, release_year = :year, genres = :genres, genre_bits = :genreBits,
                                    imdb_id = :imdbId, tmdb_id = :tmdbId, search_title = :searchTitle, updated_at = :now
                                where id = :id
                                """).params(columns(id, details, now)).update() > 0;
    }

    /** @return whether there was such a movie */
    boolean delete(long id) {
        return jdbc.sql("delete from movies where id = :id").param("id", id).update() > 0;
    }

    /** Keeps imports from undoing an admin's change (or bringing back a removed movie). */
    void recordEdit(long id, boolean removed, Instant now) {
        int updated = jdbc.sql("update movie_edits set removed = :removed, edited_at = :now where movie_id = :id")
                .param("id", id)
                .param("removed", removed)
                .param("now", Timestamp.from(now))
                .update();
        if (updated == 0) {
            jdbc.sql("insert into movie_edits (movie_id, removed, edited_at) values (:id, :removed, :now)")
                    .param("id", id)
                    .param("removed", removed)
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    private static Map<String, Object> columns(long id, Details details, Instant now) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("id", id);
        columns.put("title", details.title());
        columns.put("year", details.year());
        columns.put("genres", details.genres().joined());
        columns.put("genreBits", details.genres().bits());
        columns.put("imdbId", details.imdbId());
        columns.put("tmdbId", details.tmdbId());
        columns.put("searchTitle", SearchText.normalize(details.title()));
        columns.put("now", Timestamp.from(now));
        return columns;
    }

    private Map<Long, List<String>> topTags(Collection<Long> ids) {
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("""
                        select movie_id, tag from (
                            select movie_id, tag, row_number() over (
                                partition by movie_id order by applications desc, tag_key) as position
                            from movie_tags where movie_id in (:ids)) ranked
                        where position <= :top
                        order by movie_id, position
                        """).param("ids", ids).param("top", TOP_TAGS).query(rs -> {
            tags.computeIfAbsent(rs.getLong("movie_id"), id -> new ArrayList<>())
                    .add(rs.getString("tag"));
        });
        return tags;
    }

    private static Movie movie(ResultSet rs, Map<Long, List<String>> tags) throws SQLException {
        long id = rs.getLong("id");
        int year = rs.getInt("release_year");
        Integer knownYear = rs.wasNull() ? null : year;
        long tmdbId = rs.getLong("tmdb_id");
        Long knownTmdbId = rs.wasNull() ? null : tmdbId;
        String imdbId = rs.getString("imdb_id");
        String genres = rs.getString("genres");
        return new Movie(
                id,
                rs.getString("title"),
                knownYear,
                genres.isEmpty() ? List.of() : Arrays.asList(genres.split("\\|")),
                imdbId,
                imdbId != null ? "tt" + imdbId : null,
                knownTmdbId,
                rs.getInt("popularity"),
                tags.getOrDefault(id, List.of()));
    }
}
