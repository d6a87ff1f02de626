package org.cinemates.preference.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinemates.platform.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How other features change a member's ratings: the diary (a viewing's score is the rating) and
 * imports. Every method runs in the caller's transaction, so a diary entry and the rating it sets
 * are written together or not at all.
 */
@Component
public class RatingUpdates {

    private final Ratings ratings;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Outbox outbox;

    RatingUpdates(Ratings ratings, JdbcClient jdbc, JdbcTemplate batches, Outbox outbox) {
        this.ratings = ratings;
        this.jdbc = jdbc;
        this.batches = batches;
        this.outbox = outbox;
    }

    /** A rating as it was before a change, to put it back exactly. */
    public record Previous(BigDecimal score, @Nullable String review, Instant ratedAt) {}

    /**
     * Sets the member's score of a movie, keeping their review, and tells the other services as
     * a rating change would (nothing when the score is the same).
     *
     * @return the rating before, if there was one
     */
    public Optional<Previous> setScore(long userId, long movieId, BigDecimal score, Instant at) {
        BigDecimal stars = score.setScale(1, RoundingMode.UNNECESSARY);
        Optional<Rating> before = ratings.findForUpdate(userId, movieId);
        if (before.isPresent() && RatingEvents.sameScore(before.get().score(), stars)) {
            return before.map(RatingUpdates::previous);
        }
        Rating after =
                new Rating(userId, movieId, stars, before.map(Rating::review).orElse(null), at);
        if (before.isEmpty()) {
            ratings.insert(after);
        } else {
            ratings.update(after);
        }
        RatingEvents.of(before.orElse(null), after).ifPresent(outbox::append);
        return before.map(RatingUpdates::previous);
    }

    /** The member's scores, by movie. */
    public Map<Long, BigDecimal> scoresOf(long userId) {
        Map<Long, BigDecimal> scores = new HashMap<>();
        jdbc.sql("select movie_id, score from ratings where user_id = :userId")
                .param("userId", userId)
                .query(rs -> {
                    scores.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        return scores;
    }

    /** The member's ratings as {@link Previous}, by movie (for an import that may replace them). */
    public Map<Long, Previous> ratingsOf(long userId) {
        Map<Long, Previous> all = new HashMap<>();
        jdbc.sql("select movie_id, score, review, rated_at from ratings where user_id = :userId")
                .param("userId", userId)
                .query(rs -> {
                    all.put(
                            rs.getLong(1),
                            new Previous(
                                    rs.getBigDecimal(2),
                                    rs.getString(3),
                                    rs.getTimestamp(4).toInstant()));
                });
        return all;
    }

    /** A score an import sets. */
    public record ImportedScore(long movieId, BigDecimal score, Instant at) {}

    /**
     * Sets many scores at once, quietly: an import of years of history is not news for the feed
     * (thousands of activities would bury every friend's). Summaries and recommendations read the
     * table, so they see the change at once.
     *
     * @param existing the member's ratings now, from {@link #ratingsOf}
     */
    public void importScores(long userId, List<ImportedScore> scores, Map<Long, Previous> existing) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (ImportedScore score : scores) {
            BigDecimal stars = score.score().setScale(1, RoundingMode.UNNECESSARY);
            Previous before = existing.get(score.movieId());
            if (before == null) {
                inserts.add(new Object[] {userId, score.movieId(), stars, Timestamp.from(score.at())});
            } else if (!RatingEvents.sameScore(before.score(), stars)) {
                updates.add(new Object[] {stars, Timestamp.from(score.at()), userId, score.movieId()});
            }
        }
        batch("insert into ratings (user_id, movie_id, score, rated_at) values (?, ?, ?, ?)", inserts);
        batch("update ratings set score = ?, rated_at = ? where user_id = ? and movie_id = ?", updates);
    }

    /** Puts ratings back as they were: the previous rating, or none. Quiet, like imports. */
    public void restore(long userId, Map<Long, Optional<Previous>> previous) {
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (Map.Entry<Long, Optional<Previous>> entry : previous.entrySet()) {
            long movieId = entry.getKey();
            deletes.add(new Object[] {userId, movieId});
            entry.getValue()
                    .ifPresent(before -> inserts.add(new Object[] {
                        userId, movieId, before.score(), before.review(), Timestamp.from(before.ratedAt())
                    }));
        }
        batch("delete from ratings where user_id = ? and movie_id = ?", deletes);
        batch("insert into ratings (user_id, movie_id, score, review, rated_at) values (?, ?, ?, ?, ?)", inserts);
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batches.batchUpdate(sql, rows);
        }
    }

    private static Previous previous(Rating rating) {
        return new Previous(rating.score(), rating.review(), rating.ratedAt());
    }
}
