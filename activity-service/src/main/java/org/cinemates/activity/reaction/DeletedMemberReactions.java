package org.cinemates.activity.reaction;

import org.cinemates.activity.log.MemberRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted member's likes and comments go with the account (those under their activities go with those). */
@Component
class DeletedMemberReactions {

    private final Reactions reactions;

    DeletedMemberReactions(Reactions reactions) {
        this.reactions = reactions;
    }

    @EventListener
    void forget(MemberRemoved removed) {
        reactions.removeAllBy(removed.memberId());
    }
}
