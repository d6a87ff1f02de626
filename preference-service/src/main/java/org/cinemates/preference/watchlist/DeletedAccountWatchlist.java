package org.cinemates.preference.watchlist;

import org.cinemates.preference.account.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted member's watchlist goes with the account. */
@Component
class DeletedAccountWatchlist {

    private final Watchlists watchlists;

    DeletedAccountWatchlist(Watchlists watchlists) {
        this.watchlists = watchlists;
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        watchlists.removeAll(deleted.userId());
    }
}
