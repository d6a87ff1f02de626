package org.cinemates.activity.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.cinemates.activity.people.NameChange;
import org.cinemates.platform.events.AccountDeleted;
import org.cinemates.platform.events.Befriended;
import org.cinemates.platform.events.CinematesEvent;
import org.cinemates.platform.events.DeliveredEvent;
import org.cinemates.platform.events.Joined;
import org.cinemates.platform.events.ProfileUpdated;
import org.cinemates.platform.events.Rated;
import org.cinemates.platform.events.RatingDeleted;
import org.cinemates.platform.events.Reviewed;
import org.cinemates.platform.events.Unfriended;
import org.cinemates.platform.events.WatchlistRemoved;
import org.cinemates.platform.events.Watchlisted;
import org.junit.jupiter.api.Test;

/** How the log takes each type of the contract (the contract's own checks are the platform's). */
class EventTest {

    private static final UUID ID = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    private static final Instant AT = Instant.parse("2026-11-25T15:00:00.123456789Z");
    private static final Instant AT_MICROS = Instant.parse("2026-11-25T15:00:00.123456Z");

    private static Event logged(CinematesEvent payload) {
        return Event.of(new DeliveredEvent(ID, payload.userId(), AT, payload, null));
    }

    @Test
    void aRatingIsAMarkOfTheMemberAndMovieToTheMicrosecond() {
        Event event = logged(new Rated(12, 7, new BigDecimal("4.5")));

        assertThat(event.eventId()).isEqualTo(ID);
        assertThat(event.type()).isEqualTo(EventType.RATED);
        assertThat(event.actorId()).isEqualTo(12);
        assertThat(event.movieId()).isEqualTo(7);
        assertThat(event.score()).isEqualTo(new BigDecimal("4.5"));
        assertThat(event.occurredAt()).isEqualTo(AT_MICROS);
        assertThat(event.mark()).isEqualTo(new Mark(12, 7, Mark.Kind.RATING, AT_MICROS, false));
    }

    @Test
    void scoresAreKeptWithOneDecimalAsMembersGiveThem() {
        assertThat(logged(new Rated(12, 7, new BigDecimal("4"))).score()).isEqualTo(new BigDecimal("4.0"));
        assertThat(logged(new Reviewed(12, 7, new BigDecimal("3.50"), "Fine")).score())
                .isEqualTo(new BigDecimal("3.5"));
    }

    @Test
    void aReviewCarriesItsWords() {
        Event event = logged(new Reviewed(12, 7, new BigDecimal("2.0"), "Meh"));

        assertThat(event.review()).isEqualTo("Meh");
        assertThat(event.type().activity()).isEqualTo(ActivityType.REVIEWED);
        assertThat(Objects.requireNonNull(event.mark()).kind()).isEqualTo(Mark.Kind.RATING);
    }

    @Test
    void aFriendshipIsTheSameWhoeverStartsIt() {
        Mark put = Objects.requireNonNull(logged(new Befriended(12, 3)).mark());
        Mark removal = Objects.requireNonNull(logged(new Unfriended(3, 12)).mark());

        assertThat(put.key()).isEqualTo(new Mark.Key(3, 12, Mark.Kind.FRIENDSHIP));
        assertThat(removal.key()).isEqualTo(put.key());
        assertThat(removal.removed()).isTrue();
        assertThat(removal.supersedes(put)).isTrue();
        assertThat(put.supersedes(removal)).isFalse();
    }

    @Test
    void removalsAreTombstonesOfWhatTheyRemove() {
        assertThat(logged(new RatingDeleted(12, 7)).mark())
                .isEqualTo(new Mark(12, 7, Mark.Kind.RATING, AT_MICROS, true));
        assertThat(logged(new WatchlistRemoved(12, 7)).mark())
                .isEqualTo(new Mark(12, 7, Mark.Kind.WATCHLIST, AT_MICROS, true));
        assertThat(logged(new Watchlisted(12, 7)).mark())
                .isEqualTo(new Mark(12, 7, Mark.Kind.WATCHLIST, AT_MICROS, false));
    }

    @Test
    void joiningAndRenamingCarryTheNames() {
        assertThat(logged(new Joined(12, "ann", "Ann")).names()).isEqualTo(new NameChange(12, "ann", "Ann", AT_MICROS));
        Event renamed = logged(new ProfileUpdated(12, "ann", "Ann A."));
        assertThat(renamed.names()).isEqualTo(new NameChange(12, "ann", "Ann A.", AT_MICROS));
        assertThat(renamed.type().activity()).as("not news in the feed").isNull();
        assertThat(renamed.mark()).isNull();
    }

    @Test
    void aDeletedAccountIsOnlyItsMember() {
        Event event = logged(new AccountDeleted(12));

        assertThat(event.type()).isEqualTo(EventType.ACCOUNT_DELETED);
        assertThat(event.mark()).isNull();
        assertThat(event.names()).isNull();
        assertThat(event.friendId()).isNull();
    }
}
