package org.cinemates.preference.diary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.cinemates.platform.events.Logged;
import org.cinemates.platform.outbox.Outbox;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.rating.RatingUpdates;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Logging, changing and removing viewings; each keeps the member's rating in step. */
@Service
class DiaryService {

    private final DiaryEntries entries;
    private final RatingUpdates ratings;
    private final MovieCatalog catalog;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DiaryService(
            DiaryEntries entries,
            RatingUpdates ratings,
            MovieCatalog catalog,
            Outbox outbox,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.entries = entries;
        this.ratings = ratings;
        this.catalog = catalog;
        this.outbox = outbox;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What a member writes about a viewing (already validated). */
    record Viewing(
            LocalDate watchedOn,
            @Nullable BigDecimal score,
            @Nullable String review,
            boolean rewatch,
            List<String> tags,
            boolean liked) {}

    /**
     * Logs a viewing. movie-service is asked whether the movie exists before the transaction.
     *
     * @throws org.cinemates.preference.catalog.MovieNotFound for a movie the catalogue lacks
     */
    DiaryEntry log(long userId, long movieId, Viewing viewing) {
        catalog.require(movieId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Objects.requireNonNull(transaction.execute(status -> {
            DiaryEntry saved = entries.insert(new DiaryEntry(
                    0,
                    userId,
                    movieId,
                    viewing.watchedOn(),
                    viewing.score(),
                    viewing.review(),
                    viewing.rewatch(),
                    viewing.tags(),
                    viewing.liked(),
                    now,
                    null));
            outbox.append(new Logged(
                    userId,
                    movieId,
                    saved.id(),
                    saved.watchedOn(),
                    saved.score(),
                    saved.review(),
                    saved.rewatch(),
                    saved.liked()));
            keepRatingInStep(userId, movieId, now);
            return saved;
        }));
    }

    /** Changes a viewing as the member asks. */
    DiaryEntry change(long userId, long id, java.util.function.UnaryOperator<Viewing> change) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Objects.requireNonNull(transaction.execute(status -> {
            DiaryEntry before = entries.findForUpdate(userId, id).orElseThrow(() -> new DiaryEntryNotFound(id));
            Viewing changed = change.apply(new Viewing(
                    before.watchedOn(),
                    before.score(),
                    before.review(),
                    before.rewatch(),
                    before.tags(),
                    before.liked()));
            DiaryEntry after = new DiaryEntry(
                    before.id(),
                    userId,
                    before.movieId(),
                    changed.watchedOn(),
                    changed.score(),
                    changed.review(),
                    changed.rewatch(),
                    changed.tags(),
                    changed.liked(),
                    before.createdAt(),
                    before.importId());
            entries.update(after);
            keepRatingInStep(userId, before.movieId(), now);
            return after;
        }));
    }

    void delete(long userId, long id) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transaction.executeWithoutResult(status -> {
            DiaryEntry entry = entries.findForUpdate(userId, id).orElseThrow(() -> new DiaryEntryNotFound(id));
            entries.delete(userId, id);
            keepRatingInStep(userId, entry.movieId(), now);
        });
    }

    /**
     * The latest viewing with a score is the rating. When no viewing has a score the rating is
     * left as the member made it (on the movie's page, or before they kept a diary).
     */
    private void keepRatingInStep(long userId, long movieId, Instant now) {
        entries.latestScored(userId, movieId)
                .ifPresent(latest -> ratings.setScore(userId, movieId, Objects.requireNonNull(latest.score()), now));
    }

    record Page(List<DiaryEntry> entries, long total) {}

    Page page(long userId, @Nullable LocalDate from, @Nullable LocalDate until, int page, int size) {
        List<DiaryEntry> found = entries.page(userId, from, until, (long) page * size, size);
        long total = found.size() < size && (!found.isEmpty() || page == 0)
                ? (long) page * size + found.size()
                : entries.count(userId, from, until);
        return new Page(found, total);
    }
}
