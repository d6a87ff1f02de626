package org.cinemates.user.friendship;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** For other services: whose activity a member's feed shows, whose ratings count as friends'. */
@RestController
class FriendIdsController {

    private final FriendshipService friendships;

    FriendIdsController(FriendshipService friendships) {
        this.friendships = friendships;
    }

    record FriendIds(long userId, List<Long> friendIds) {}

    @GetMapping("/internal/users/{id}/friend-ids")
    FriendIds friendIds(@PathVariable long id) {
        return new FriendIds(id, friendships.friendIds(id));
    }
}
