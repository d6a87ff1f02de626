package org.cinemates.preference.account;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.Optional;
import org.cinemates.platform.events.Befriended;
import org.cinemates.platform.events.CinematesEvent;
import org.cinemates.platform.events.DeliveredEvent;
import org.cinemates.platform.events.EventBatch;
import org.cinemates.platform.events.EventJson;
import org.cinemates.platform.events.InvalidEvent;
import org.cinemates.platform.events.Joined;
import org.cinemates.platform.events.ListWithdrawn;
import org.cinemates.platform.events.Listed;
import org.cinemates.platform.events.Logged;
import org.cinemates.platform.events.ProfileUpdated;
import org.cinemates.platform.events.Rated;
import org.cinemates.platform.events.RatingDeleted;
import org.cinemates.platform.events.Reviewed;
import org.cinemates.platform.events.Unfriended;
import org.cinemates.platform.events.WatchlistRemoved;
import org.cinemates.platform.events.Watchlisted;
import org.cinemates.platform.outbox.EventTraces;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Events user-service's outbox relay delivers here (service credential only; it sends only
 * {@code ACCOUNT_DELETED} and {@code PROFILE_UPDATED}). Each event is read on its own: one that
 * breaks the contract is ignored and logged, never blocking the events behind it; events of other
 * types are acknowledged and ignored. Handling is idempotent, so a redelivered batch changes nothing. Each
 * event is handled in the trace it was written in.
 */
@RestController
class AccountEventsController {

    private static final Logger log = LoggerFactory.getLogger(AccountEventsController.class);

    private final ApplicationEventPublisher events;
    private final EventTraces traces;
    private final DeletedAccounts deletedAccounts;

    AccountEventsController(ApplicationEventPublisher events, EventTraces traces, DeletedAccounts deletedAccounts) {
        this.events = events;
        this.traces = traces;
        this.deletedAccounts = deletedAccounts;
    }

    /**
     * @param handled events that changed something here
     * @param ignored events of other types, and events that break the contract
     */
    record Handled(int handled, int ignored) {}

    @Operation(
            summary = "Deliver a batch of events (service credential)",
            description = "At most " + EventBatch.MAX_EVENTS + " events; each handled once however often it comes.")
    @PostMapping("/internal/events")
    @Transactional
    Handled receive(@Valid @RequestBody EventBatch batch) {
        int handled = 0;
        for (JsonNode node : batch.events()) {
            if (traces.continueTrace(EventJson.traceparent(node), "account event", () -> handle(node))) {
                handled++;
            }
        }
        return new Handled(handled, batch.events().size() - handled);
    }

    private boolean handle(@Nullable JsonNode node) {
        DeliveredEvent event;
        try {
            event = EventJson.read(node);
        } catch (InvalidEvent e) {
            log.warn("Ignoring event {}: {}", e.eventId() != null ? e.eventId() : "(no valid id)", e.reason());
            return false;
        }
        Optional<AccountChange> change = event.payload().accept(MEANING);
        change.ifPresent(this::apply);
        return change.isPresent();
    }

    private void apply(AccountChange change) {
        if (change instanceof AccountDeleted account) {
            deletedAccounts.record(account.userId());
            events.publishEvent(account);
            log.info("Deleted the data of deleted account {}", account.userId());
        } else {
            events.publishEvent(change);
        }
    }

    /**
     * What each event type means to preference-service: a deleted account, and a member who chose
     * a new name or visibility (what is remembered of them is asked again).
     */
    private static final CinematesEvent.Visitor<Optional<AccountChange>> MEANING = new CinematesEvent.Visitor<>() {

        @Override
        public Optional<AccountChange> accountDeleted(org.cinemates.platform.events.AccountDeleted event) {
            return Optional.of(new AccountDeleted(event.userId()));
        }

        @Override
        public Optional<AccountChange> profileUpdated(ProfileUpdated event) {
            return Optional.of(new ProfileChanged(event.userId()));
        }

        // The member's own ratings and watchlist are written here; friendships are asked of
        // user-service when needed.

        @Override
        public Optional<AccountChange> joined(Joined event) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountChange> befriended(Befriended event) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountChange> unfriended(Unfriended event) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountChange> rated(Rated event) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountChange> reviewed(Reviewed event) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountChange> ratingDeleted(RatingDeleted event) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountChange> watchlisted(Watchlisted event) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountChange> watchlistRemoved(WatchlistRemoved event) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountChange> logged(Logged event) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountChange> listed(Listed event) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountChange> listWithdrawn(ListWithdrawn event) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountChange> friendRequested(org.cinemates.platform.events.FriendRequested event) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountChange> recommended(org.cinemates.platform.events.Recommended event) {
            return Optional.empty();
        }
    };
}
