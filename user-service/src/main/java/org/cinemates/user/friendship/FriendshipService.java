package org.cinemates.user.friendship;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinemates.platform.events.Befriended;
import org.cinemates.platform.events.FriendRequested;
import org.cinemates.platform.events.Unfriended;
import org.cinemates.platform.outbox.Outbox;
import org.cinemates.user.account.AccountService;
import org.cinemates.user.account.PublicProfile;
import org.cinemates.user.account.UserNotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Friend requests and friendships. */
@Service
class FriendshipService {

    private final FriendRequests requests;
    private final Friendships friendships;
    private final AccountService accounts;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FriendshipService(
            FriendRequests requests,
            Friendships friendships,
            AccountService accounts,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock) {
        this.requests = requests;
        this.friendships = friendships;
        this.accounts = accounts;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The outcome of asking: a new pending request, or friendship if they had asked first. */
    record Asked(FriendRequestView request, boolean becameFriends) {}

    Asked ask(long me, long them) {
        try {
            return inTransaction(() -> askOnce(me, them));
        } catch (DuplicateKeyException raced) {
            // They asked me (or I asked twice) at the same moment; the second look sees it.
            return inTransaction(() -> askOnce(me, them));
        }
    }

    private Asked askOnce(long me, long them) {
        if (me == them) {
            throw new CannotBefriendYourself();
        }
        if (!accounts.exists(them)) {
            throw new UserNotFound(them);
        }
        if (friendships.exist(me, them)) {
            throw new AlreadyFriends();
        }
        var pending = requests.findByPendingPair(FriendRequest.pairOf(me, them));
        if (pending.isPresent()) {
            FriendRequest request = pending.get();
            if (request.fromUser() == me) {
                throw new RequestAlreadyPending();
            }
            return new Asked(accept(request, me), true);
        }
        FriendRequest created = requests.save(FriendRequest.pending(me, them, now()));
        outbox.append(new FriendRequested(me, them, created.requireId()));
        return new Asked(view(created), false);
    }

    @Transactional
    FriendRequestView accept(long me, long requestId) {
        FriendRequest request = pendingTo(me, requestId);
        return accept(request, me);
    }

    @Transactional
    void decline(long me, long requestId) {
        FriendRequest request = pendingTo(me, requestId);
        if (!requests.resolve(request.requireId(), FriendRequest.Status.DECLINED.name(), now())) {
            throw new FriendRequestNotFound();
        }
    }

    @Transactional
    void cancel(long me, long requestId) {
        FriendRequest request = requests.findById(requestId)
                .filter(r -> r.fromUser() == me && r.status() == FriendRequest.Status.PENDING)
                .orElseThrow(FriendRequestNotFound::new);
        if (!requests.resolve(request.requireId(), FriendRequest.Status.CANCELLED.name(), now())) {
            throw new FriendRequestNotFound();
        }
    }

    @Transactional
    void unfriend(long me, long friend) {
        if (!friendships.remove(me, friend)) {
            throw new NotFriends();
        }
        outbox.append(new Unfriended(me, friend));
    }

    List<PublicProfile> friends(long me) {
        return accounts.profiles(friendships.friendIds(me)).values().stream()
                .sorted(Comparator.comparing(PublicProfile::username))
                .toList();
    }

    List<Long> friendIds(long user) {
        if (!accounts.exists(user)) {
            throw new UserNotFound(user);
        }
        return friendships.friendIds(user);
    }

    List<FriendRequestView> incoming(long me) {
        return views(requests.findByToUserAndStatusOrderByCreatedAtDescIdDesc(me, FriendRequest.Status.PENDING));
    }

    List<FriendRequestView> outgoing(long me) {
        return views(requests.findByFromUserAndStatusOrderByCreatedAtDescIdDesc(me, FriendRequest.Status.PENDING));
    }

    private FriendRequestView accept(FriendRequest request, long me) {
        Instant now = now();
        if (!requests.resolve(request.requireId(), FriendRequest.Status.ACCEPTED.name(), now)) {
            throw new FriendRequestNotFound();
        }
        friendships.add(request.fromUser(), request.toUser(), now);
        outbox.append(new Befriended(me, request.fromUser()));
        return view(request.resolved(FriendRequest.Status.ACCEPTED, now));
    }

    private FriendRequest pendingTo(long me, long requestId) {
        return requests.findById(requestId)
                .filter(r -> r.toUser() == me && r.status() == FriendRequest.Status.PENDING)
                .orElseThrow(FriendRequestNotFound::new);
    }

    private FriendRequestView view(FriendRequest request) {
        return views(List.of(request)).get(0);
    }

    private List<FriendRequestView> views(List<FriendRequest> list) {
        Set<Long> ids = new HashSet<>();
        list.forEach(r -> {
            ids.add(r.fromUser());
            ids.add(r.toUser());
        });
        Map<Long, PublicProfile> profiles = accounts.profiles(ids);
        List<FriendRequestView> views = new java.util.ArrayList<>();
        for (FriendRequest request : list) {
            PublicProfile from = profiles.get(request.fromUser());
            PublicProfile to = profiles.get(request.toUser());
            if (from != null && to != null) {
                views.add(new FriendRequestView(
                        request.requireId(), from, to, request.status().name(), request.createdAt()));
            }
        }
        return views;
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        T result = transactions.execute(status -> work.get());
        if (result == null) {
            throw new IllegalStateException("Transaction returned nothing");
        }
        return result;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
