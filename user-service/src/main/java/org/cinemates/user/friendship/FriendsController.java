package org.cinemates.user.friendship;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.user.account.PublicProfile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users/me")
class FriendsController {

    private final FriendshipService friendships;

    FriendsController(FriendshipService friendships) {
        this.friendships = friendships;
    }

    record Friends(List<PublicProfile> items) {}

    @GetMapping("/friends")
    Friends friends(CurrentUser user) {
        return new Friends(friendships.friends(user.id()));
    }

    @DeleteMapping("/friends/{userId}")
    ResponseEntity<Void> unfriend(CurrentUser user, @PathVariable long userId) {
        friendships.unfriend(user.id(), userId);
        return ResponseEntity.noContent().build();
    }

    record NewFriendRequest(@NotNull @Positive Long userId) {}

    @PostMapping("/friend-requests")
    ResponseEntity<FriendRequestView> ask(CurrentUser user, @Valid @RequestBody NewFriendRequest body) {
        FriendshipService.Asked asked = friendships.ask(user.id(), body.userId());
        return ResponseEntity.status(asked.becameFriends() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(asked.request());
    }

    enum Direction {
        incoming,
        outgoing
    }

    record Requests(List<FriendRequestView> items) {}

    @GetMapping("/friend-requests")
    Requests requests(CurrentUser user, @RequestParam(defaultValue = "incoming") Direction direction) {
        return new Requests(
                direction == Direction.incoming ? friendships.incoming(user.id()) : friendships.outgoing(user.id()));
    }

    @PostMapping("/friend-requests/{id}/accept")
    FriendRequestView accept(CurrentUser user, @PathVariable long id) {
        return friendships.accept(user.id(), id);
    }

    @PostMapping("/friend-requests/{id}/decline")
    ResponseEntity<Void> decline(CurrentUser user, @PathVariable long id) {
        friendships.decline(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/friend-requests/{id}")
    ResponseEntity<Void> cancel(CurrentUser user, @PathVariable long id) {
        friendships.cancel(user.id(), id);
        return ResponseEntity.noContent().build();
    }
}
