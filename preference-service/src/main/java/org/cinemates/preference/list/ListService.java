package org.cinemates.preference.list;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cinemates.platform.events.ListWithdrawn;
import org.cinemates.platform.events.Listed;
import org.cinemates.platform.events.Visibility;
import org.cinemates.platform.outbox.Outbox;
import org.cinemates.platform.security.Viewer;
import org.cinemates.preference.audience.Audience;
import org.cinemates.preference.audience.Relation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Making, changing and reading lists. A list others may see is announced ({@link Listed}) when it
 * becomes visible, changes its name or visibility, or gets its first movies; one they may see no
 * more is taken back ({@link ListWithdrawn}), in the transaction that changes it.
 */
@Service
class ListService {

    private final MovieLists lists;
    private final Audience audience;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ListService(
            MovieLists lists, Audience audience, Outbox outbox, Clock clock, PlatformTransactionManager transactions) {
        this.lists = lists;
        this.audience = audience;
        this.outbox = outbox;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What a list is made or changed into. */
    record Details(String name, @Nullable String description, boolean ranked, Visibility visibility) {}

    MovieList create(long userId, Details details) {
        return inTransaction(() -> {
            if (lists.countOf(userId) >= ListRules.MAX_LISTS) {
                throw new TooManyLists();
            }
            long id = lists.add(
                    userId, details.name(), details.description(), details.ranked(), details.visibility(), now());
            MovieList list = lists.find(id).orElseThrow();
            if (list.shown()) {
                announce(list);
            }
            return list;
        });
    }

    /** @throws ListNotFound unless it is the member's */
    MovieList change(long userId, long id, java.util.function.UnaryOperator<Details> change) {
        return inTransaction(() -> {
            MovieList before = lists.lockOwn(userId, id).orElseThrow(() -> new ListNotFound(id));
            Details details = change.apply(
                    new Details(before.name(), before.description(), before.ranked(), before.visibility()));
            MovieList after = new MovieList(
                    id,
                    userId,
                    details.name(),
                    details.description(),
                    details.ranked(),
                    details.visibility(),
                    before.movies(),
                    before.createdAt(),
                    now());
            lists.update(after);
            if (after.shown()
                    && (!before.shown()
                            || !before.name().equals(after.name())
                            || before.visibility() != after.visibility())) {
                announce(after);
            } else if (before.shown() && !after.shown()) {
                outbox.append(new ListWithdrawn(userId, id));
            }
            return after;
        });
    }

    /** @throws ListNotFound unless it is the member's */
    void delete(long userId, long id) {
        transaction.executeWithoutResult(status -> {
            MovieList list = lists.lockOwn(userId, id).orElseThrow(() -> new ListNotFound(id));
            lists.remove(id);
            if (list.shown()) {
                outbox.append(new ListWithdrawn(userId, id));
            }
        });
    }

    /**
     * Replaces the list's movies (checked by the caller) with these, in this order.
     *
     * @throws ListNotFound unless it is the member's
     */
    Shown replaceItems(long userId, long id, List<ListItem> items) {
        return inTransaction(() -> {
            MovieList before = lists.lockOwn(userId, id).orElseThrow(() -> new ListNotFound(id));
            lists.replaceItems(id, items);
            lists.touch(id, now());
            MovieList after = lists.find(id).orElseThrow();
            if (after.shown() && before.movies() == 0 && after.movies() > 0) {
                announce(after);
            }
            return new Shown(after, items, Relation.OWNER);
        });
    }

    /** A list with its movies, as shown to someone allowed to see it. */
    record Shown(MovieList list, List<ListItem> items, Relation relation) {}

    /**
     * The list with its movies, if the viewer may see it: the owner always, anyone a public list,
     * the owner's friends a list for friends.
     *
     * @throws ListNotFound when there is none the viewer may see
     */
    Shown read(long id, Viewer viewer) {
        MovieList list = lists.find(id).orElseThrow(() -> new ListNotFound(id));
        Relation relation = list.visibility() == Visibility.PUBLIC && !viewer.is(list.userId())
                ? Relation.ANONYMOUS
                : audience.relation(list.userId(), viewer);
        if (!relation.maySee(list.visibility())) {
            throw new ListNotFound(id);
        }
        return new Shown(list, lists.items(id), relation);
    }

    List<MovieList> mine(long userId) {
        return lists.of(userId);
    }

    /**
     * The member's lists the viewer may see, when the member's visibility lets the viewer see
     * their lists at all.
     *
     * @throws org.cinemates.preference.audience.NotShown when it does not
     * @throws org.cinemates.preference.audience.MemberNotFound for a member user-service does not know
     */
    List<MovieList> ofMember(long ownerId, Viewer viewer) {
        Relation relation = audience.requireMaySee(ownerId, viewer);
        return lists.of(ownerId).stream()
                .filter(list -> relation.maySee(list.visibility()))
                .toList();
    }

    private void announce(MovieList list) {
        outbox.append(new Listed(
                list.userId(), list.id(), list.name(), list.visibility().name(), list.movies()));
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return java.util.Objects.requireNonNull(transaction.execute(status -> work.get()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
