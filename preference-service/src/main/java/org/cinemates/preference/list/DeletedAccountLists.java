package org.cinemates.preference.list;

import org.cinemates.preference.account.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted member's lists go with the account (their activities go in activity-service). */
@Component
class DeletedAccountLists {

    private final MovieLists lists;

    DeletedAccountLists(MovieLists lists) {
        this.lists = lists;
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        lists.removeAllOf(deleted.userId());
    }
}
