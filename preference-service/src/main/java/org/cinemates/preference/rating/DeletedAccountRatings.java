package org.cinemates.preference.rating;

import org.cinemates.preference.account.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted member's ratings and reviews go with the account. */
@Component
class DeletedAccountRatings {

    private final Ratings ratings;

    DeletedAccountRatings(Ratings ratings) {
        this.ratings = ratings;
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        ratings.deleteAll(deleted.userId());
    }
}
