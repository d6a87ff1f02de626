package org.cinemates.preference.watchlist;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cinemates.platform.events.WatchlistRemoved;
import org.cinemates.platform.events.Watchlisted;
import org.cinemates.platform.outbox.Outbox;
import org.cinemates.preference.catalog.MovieCatalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Adding and removing movies; both idempotent, and only an actual change is an event. */
@Service
class WatchlistService {

    private final Watchlists watchlists;
    private final MovieCatalog catalog;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionTemplate transaction;

    WatchlistService(
            Watchlists watchlists,
            MovieCatalog catalog,
            Outbox outbox,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.watchlists = watchlists;
        this.catalog = catalog;
        this.outbox = outbox;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Puts a movie on the member's watchlist, unless it is there already (then movie-service is
     * not even asked).
     *
     * @throws org.cinemates.preference.catalog.MovieNotFound for a movie movie-service does not know
     * @throws org.cinemates.platform.http.DependencyUnavailable when movie-service cannot say
     */
    void add(long userId, long movieId) {
        if (watchlists.contains(userId, movieId)) {
            return;
        }
        catalog.require(movieId);
        transaction.executeWithoutResult(status -> {
            var entry = new WatchlistEntry(userId, movieId, clock.instant().truncatedTo(ChronoUnit.MICROS));
            if (watchlists.add(entry)) {
                outbox.append(new Watchlisted(userId, movieId));
            }
        });
    }

    void remove(long userId, long movieId) {
        transaction.executeWithoutResult(status -> {
            if (watchlists.remove(userId, movieId)) {
                outbox.append(new WatchlistRemoved(userId, movieId));
            }
        });
    }

    record Page(List<WatchlistEntry> entries, long total) {}

    Page page(long userId, int page, int size) {
        List<WatchlistEntry> entries = watchlists.page(userId, (long) page * size, size);
        long total = entries.size() < size && (!entries.isEmpty() || page == 0)
                ? (long) page * size + entries.size()
                : watchlists.countOf(userId);
        return new Page(entries, total);
    }
}
