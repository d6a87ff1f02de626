package org.cinemates.preference.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cinemates.platform.outbox.Outbox;
import org.cinemates.preference.catalog.MovieCatalog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Rating, re-rating and un-rating movies, each change with its event in one transaction. */
@Service
class RatingService {

    private final Ratings ratings;
    private final MovieCatalog catalog;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionTemplate transaction;

    RatingService(
            Ratings ratings,
            MovieCatalog catalog,
            Outbox outbox,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.ratings = ratings;
        this.catalog = catalog;
        this.outbox = outbox;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** @param created whether the member had not rated the movie before */
    record Saved(Rating rating, boolean created) {}

    /**
     * Rates a movie, replacing the member's earlier score and review of it. Only movies
     * movie-service knows can be rated; it is asked before anything is written (and not inside
     * the transaction, which would hold a connection while it answers).
     *
     * @param review blank for none
     */
    Saved rate(long userId, long movieId, BigDecimal score, @Nullable String review) {
        catalog.require(movieId);
        BigDecimal stars = score.setScale(1, RoundingMode.UNNECESSARY);
        String words = review == null || review.isBlank() ? null : review.strip();
        return Objects.requireNonNull(transaction.execute(status -> {
            Optional<Rating> before = ratings.findForUpdate(userId, movieId);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Rating after = new Rating(userId, movieId, stars, words, now);
            if (before.isEmpty()) {
                ratings.insert(after);
            } else if (RatingEvents.sameScore(before.get().score(), stars)
                    && Objects.equals(before.get().review(), words)) {
                // The same rating again: nothing changes, not even when it was made.
                return new Saved(before.get(), false);
            } else {
                ratings.update(after);
            }
            RatingEvents.of(before.orElse(null), after).ifPresent(outbox::append);
            return new Saved(after, before.isEmpty());
        }));
    }

    /** @throws RatingNotFound when the member has not rated the movie */
    void delete(long userId, long movieId) {
        transaction.executeWithoutResult(status -> {
            Rating rating = ratings.findForUpdate(userId, movieId).orElseThrow(() -> new RatingNotFound(movieId));
            ratings.delete(userId, movieId);
            outbox.append(RatingEvents.deleted(rating));
        });
    }

    /** One page of a member's ratings, newest first, and how many there are in all. */
    record Page(List<Rating> ratings, long total) {}

    Page page(long userId, int page, int size) {
        List<Rating> items = ratings.page(userId, (long) page * size, size);
        long total = items.size() < size && (!items.isEmpty() || page == 0)
                ? (long) page * size + items.size()
                : ratings.countOf(userId);
        return new Page(items, total);
    }
}
