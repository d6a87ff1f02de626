package org.cinemates.activity.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cinemates.activity.people.Actors;
import org.cinemates.activity.people.FriendIds;
import org.cinemates.activity.people.NameChange;
import org.cinemates.activity.people.Visibilities;
import org.cinemates.platform.events.EventJson;
import org.cinemates.platform.events.InvalidEvent;
import org.cinemates.platform.outbox.EventTraces;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Applies batches of events to the log, one transaction per batch, so that the result does not
 * depend on the order batches arrive in or on how often they arrive:
 *
 * <ul>
 *   <li>each event id counts once (later deliveries are duplicates);
 *   <li>a rating, watchlist entry or friendship ends as its newest event says: an older event
 *       arriving later is ignored, a removal leaves a tombstone (see {@link Mark});
 *   <li>names are the newest JOINED or PROFILE_UPDATED;
 *   <li>once an account is deleted nothing about it is kept, and nothing about it is accepted.
 * </ul>
 *
 * <p>Each event is read in the trace it was written in (its {@code traceparent}), so what is logged
 * about it carries that trace's id.
 */
@Service
class Ingest {

    private static final Logger log = LoggerFactory.getLogger(Ingest.class);

    private static final Comparator<Event> IN_ORDER =
            Comparator.comparing(Event::occurredAt).thenComparing(Event::eventId);

    private static final Comparator<Mark.Key> KEY_ORDER = Comparator.comparingLong(Mark.Key::actorId)
            .thenComparingLong(Mark.Key::subjectId)
            .thenComparing(Mark.Key::kind);

    private final EventLedger ledger;
    private final Marks marks;
    private final Activities activities;
    private final DeletedAccounts deletedAccounts;
    private final Actors actors;
    private final FriendIds friendIds;
    private final Visibilities visibilities;
    private final TransactionTemplate transactions;
    private final EventTraces traces;
    private final ApplicationEventPublisher published;

    Ingest(
            EventLedger ledger,
            Marks marks,
            Activities activities,
            DeletedAccounts deletedAccounts,
            Actors actors,
            FriendIds friendIds,
            Visibilities visibilities,
            TransactionTemplate transactions,
            EventTraces traces,
            ApplicationEventPublisher published) {
        this.ledger = ledger;
        this.marks = marks;
        this.activities = activities;
        this.deletedAccounts = deletedAccounts;
        this.actors = actors;
        this.friendIds = friendIds;
        this.visibilities = visibilities;
        this.transactions = transactions;
        this.traces = traces;
        this.published = published;
    }

    IngestResult accept(List<@Nullable JsonNode> batch) {
        List<Event> events = new ArrayList<>(batch.size());
        for (@Nullable JsonNode node : batch) {
            Event event = traces.continueTrace(EventJson.traceparent(node), "ingest event", () -> read(node));
            if (event != null) {
                events.add(event);
            }
        }
        int invalid = batch.size() - events.size();
        Applied applied = Objects.requireNonNull(transactions.execute(status -> apply(events)));
        // user-service tells of a new visibility with a PROFILE_UPDATED: ask it again.
        for (Event event : events) {
            if (event.type() == EventType.PROFILE_UPDATED) {
                visibilities.changed(event.actorId());
            }
        }
        // Friend lists come from user-service, which already has the change: ask it again, and
        // keep the last known lists (used while it is down) in step.
        for (Event event : applied.friendshipEvents()) {
            friendIds.forget(event.actorId(), Objects.requireNonNull(event.friendId()));
        }
        for (Event event : applied.friendshipChanges()) {
            long friend = Objects.requireNonNull(event.friendId());
            if (event.type() == EventType.BEFRIENDED) {
                friendIds.befriended(event.actorId(), friend);
            } else {
                friendIds.unfriended(event.actorId(), friend);
            }
        }
        applied.deletedAccounts().forEach(friendIds::accountDeleted);
        return new IngestResult(applied.stored(), applied.duplicates(), invalid + applied.ignored());
    }

    private static @Nullable Event read(@Nullable JsonNode node) {
        try {
            return Event.of(EventJson.read(node));
        } catch (InvalidEvent e) {
            // The reason names fields and rules; of the sender's text only a well-formed id is logged.
            log.warn("Ignoring event {}: {}", e.eventId() != null ? e.eventId() : "(no valid id)", e.reason());
            return null;
        }
    }

    /**
     * @param friendshipEvents every new BEFRIENDED and UNFRIENDED
     * @param friendshipChanges those of them that are the newest word on their friendship
     */
    private record Applied(
            int stored,
            int duplicates,
            int ignored,
            List<Event> friendshipEvents,
            List<Event> friendshipChanges,
            List<Long> deletedAccounts) {}

    private Applied apply(List<Event> received) {
        Counter count = new Counter();
        List<Event> events = newEvents(received, count);

        List<Long> deleted = new ArrayList<>();
        for (Event event : events) {
            if (event.type() == EventType.ACCOUNT_DELETED) {
                if (deletedAccounts.add(event.actorId(), event.occurredAt())) {
                    activities.removeMember(event.actorId());
                    published.publishEvent(new MemberRemoved(event.actorId()));
                    marks.forgetActor(event.actorId());
                    actors.forget(event.actorId());
                    deleted.add(event.actorId());
                    count.stored++;
                } else {
                    count.ignored++;
                }
            }
        }
        List<Event> remaining = withoutDeletedAccounts(events, count);

        List<Activities.NewActivity> joined = new ArrayList<>();
        List<NameChange> joinedNames = new ArrayList<>();
        List<NameChange> renames = new ArrayList<>();
        Map<Mark.Key, Event> newestPerThing = new LinkedHashMap<>();
        List<Event> friendshipEvents = new ArrayList<>();
        for (Event event : remaining) {
            switch (event.type()) {
                case JOINED -> {
                    joined.add(Activities.NewActivity.of(event, ActivityType.JOINED));
                    joinedNames.add(names(event));
                }
                // A viewing is never replaced or taken back by a later event: stored as it comes.
                case LOGGED -> joined.add(Activities.NewActivity.of(event, ActivityType.LOGGED));
                case PROFILE_UPDATED -> renames.add(names(event));
                case ACCOUNT_DELETED -> {
                    // Applied above.
                }
                case FRIEND_REQUESTED -> {
                    published.publishEvent(notice(Notice.Kind.FRIEND_REQUEST, event));
                    count.stored++;
                }
                case RECOMMENDED -> {
                    published.publishEvent(notice(Notice.Kind.RECOMMENDED, event));
                    count.stored++;
                }
                default -> {
                    Mark mark = mark(event);
                    Event before = newestPerThing.get(mark.key());
                    if (before != null) {
                        // Two events about one thing in one batch: only the newer one counts.
                        count.ignored++;
                        if (!mark.supersedes(mark(before))) {
                            continue;
                        }
                    }
                    newestPerThing.put(mark.key(), event);
                    if (mark.kind() == Mark.Kind.FRIENDSHIP) {
                        friendshipEvents.add(event);
                        if (event.type() == EventType.BEFRIENDED) {
                            // The one who accepted is the actor: news for the one who asked.
                            published.publishEvent(notice(Notice.Kind.FRIEND_ACCEPTED, event));
                        }
                    }
                }
            }
        }

        actors.remember(joinedNames);
        int renamed = actors.remember(renames);
        count.stored += renamed;
        count.ignored += renames.size() - renamed;

        // One order for every transaction, so concurrent batches lock marks without deadlocks.
        List<Event> changes = newestPerThing.values().stream()
                .sorted(Comparator.comparing(event -> mark(event).key(), KEY_ORDER))
                .toList();
        boolean[] advanced = marks.advance(changes.stream().map(Ingest::mark).toList());
        List<Mark.Key> replaced = new ArrayList<>();
        List<Activities.NewActivity> puts = new ArrayList<>();
        List<Event> friendshipChanges = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Event event = changes.get(i);
            if (!advanced[i]) {
                count.ignored++;
                continue;
            }
            count.stored++;
            Mark mark = mark(event);
            replaced.add(mark.key());
            ActivityType type = event.type().activity();
            if (type != null) {
                puts.add(Activities.NewActivity.of(event, type));
            }
            if (mark.kind() == Mark.Kind.FRIENDSHIP) {
                friendshipChanges.add(event);
            }
        }
        activities.removeAll(replaced);

        List<Activities.NewActivity> inserts = new ArrayList<>(joined);
        inserts.addAll(puts);
        boolean[] inserted = activities.insert(inserts);
        for (int i = 0; i < joined.size(); i++) {
            if (inserted[i]) {
                count.stored++;
            } else {
                // Received so long ago that the ledger forgot it, but the activity is there.
                count.duplicates++;
            }
        }
        Map<Long, Instant> latest = new HashMap<>();
        for (int i = 0; i < inserts.size(); i++) {
            if (inserted[i]) {
                Activities.NewActivity activity = inserts.get(i);
                latest.merge(activity.actorId(), activity.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        activities.noteLatest(latest);
        return new Applied(count.stored, count.duplicates, count.ignored, friendshipEvents, friendshipChanges, deleted);
    }

    private static Notice notice(Notice.Kind kind, Event event) {
        return new Notice(
                kind,
                event.eventId(),
                event.actorId(),
                Objects.requireNonNull(event.friendId()),
                event.movieId(),
                event.review(),
                event.occurredAt());
    }

    /** The events not received before, oldest first. */
    private List<Event> newEvents(List<Event> received, Counter count) {
        // Ids in one order for every transaction: two deliveries of one batch wait for each other.
        List<Event> byId =
                received.stream().sorted(Comparator.comparing(Event::eventId)).toList();
        boolean[] fresh = ledger.record(byId.stream().map(Event::eventId).toList());
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < byId.size(); i++) {
            if (fresh[i]) {
                events.add(byId.get(i));
            } else {
                count.duplicates++;
            }
        }
        events.sort(IN_ORDER);
        return events;
    }

    private List<Event> withoutDeletedAccounts(List<Event> events, Counter count) {
        Set<Long> people = new HashSet<>();
        for (Event event : events) {
            if (event.type() != EventType.ACCOUNT_DELETED) {
                people.add(event.actorId());
                if (event.friendId() != null) {
                    people.add(event.friendId());
                }
            }
        }
        Set<Long> gone = deletedAccounts.among(people);
        List<Event> remaining = new ArrayList<>();
        for (Event event : events) {
            if (event.type() == EventType.ACCOUNT_DELETED) {
                continue;
            }
            if (gone.contains(event.actorId()) || (event.friendId() != null && gone.contains(event.friendId()))) {
                count.ignored++;
            } else {
                remaining.add(event);
            }
        }
        return remaining;
    }

    private static NameChange names(Event event) {
        return Objects.requireNonNull(event.names(), "JOINED and PROFILE_UPDATED carry names");
    }

    private static final class Counter {
        int stored;
        int duplicates;
        int ignored;
    }

    private static Mark mark(Event event) {
        return Objects.requireNonNull(event.mark(), "events about undoable things have a mark");
    }
}
