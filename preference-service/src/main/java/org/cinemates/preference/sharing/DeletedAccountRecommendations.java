package org.cinemates.preference.sharing;

import org.cinemates.preference.account.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted member's recommendations go, sent and received. */
@Component
class DeletedAccountRecommendations {

    private final FriendRecommendations recommendations;

    DeletedAccountRecommendations(FriendRecommendations recommendations) {
        this.recommendations = recommendations;
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        recommendations.removeAllOf(deleted.userId());
    }
}
