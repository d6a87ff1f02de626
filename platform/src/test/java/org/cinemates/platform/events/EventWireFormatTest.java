package org.cinemates.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format of every event type, pinned: events already in an outbox and events from a
 * producer one version behind must still be read, so renaming a type id or a payload field fails
 * here, not in the feed. Change a golden only together with a plan for the events in flight.
 */
class EventWireFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID ID = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    private static final Instant AT = Instant.parse("2026-11-25T15:00:00.123456Z");

    /** One event of each type, and the JSON a relay delivers for it. */
    record Golden(CinematesEvent payload, String json) {
        @Override
        public String toString() {
            return payload.type();
        }
    }

    static Stream<Golden> goldens() {
        return Stream.of(
                new Golden(new Joined(12, "ann", "Ann"), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"JOINED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"username":"ann","displayName":"Ann"}}
                        """),
                new Golden(new ProfileUpdated(12, "ann", "Ann A."), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"PROFILE_UPDATED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"username":"ann","displayName":"Ann A."}}
                        """),
                new Golden(new Befriended(12, 3), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"BEFRIENDED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"friendId":3}}
                        """),
                new Golden(new Unfriended(12, 3), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"UNFRIENDED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"friendId":3}}
                        """),
                new Golden(new AccountDeleted(12), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"ACCOUNT_DELETED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12}}
                        """),
                new Golden(new Rated(12, 7, new BigDecimal("4.5")), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"RATED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"movieId":7,"score":4.5}}
                        """),
                new Golden(new Reviewed(12, 7, new BigDecimal("4.0"), "Grew on me"), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"REVIEWED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"movieId":7,"score":4.0,"review":"Grew on me"}}
                        """),
                new Golden(new RatingDeleted(12, 7), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"RATING_DELETED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"movieId":7}}
                        """),
                new Golden(new Watchlisted(12, 7), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"WATCHLISTED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"movieId":7}}
                        """),
                new Golden(new WatchlistRemoved(12, 7), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"WATCHLIST_REMOVED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"movieId":7}}
                        """),
                new Golden(
                        new Logged(
                                12,
                                7,
                                40,
                                LocalDate.parse("2026-11-24"),
                                new BigDecimal("4.5"),
                                "Better twice",
                                true,
                                false),
                        """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"LOGGED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"movieId":7,"entryId":40,"watchedOn":"2026-11-24","score":4.5,
                                    "review":"Better twice","rewatch":true,"liked":false}}
                        """),
                new Golden(new Logged(12, 7, 41, LocalDate.parse("2026-11-25"), null, null, false, true), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"LOGGED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"movieId":7,"entryId":41,"watchedOn":"2026-11-25","score":null,
                                    "review":null,"rewatch":false,"liked":true}}
                        """),
                new Golden(new Listed(12, 3, "Best of 1999", "FRIENDS", 10), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"LISTED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"listId":3,"name":"Best of 1999","visibility":"FRIENDS","movies":10}}
                        """),
                new Golden(new ListWithdrawn(12, 3), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"LIST_WITHDRAWN","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"listId":3}}
                        """),
                new Golden(new FriendRequested(12, 13, 5), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"FRIEND_REQUESTED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"toUserId":13,"requestId":5}}
                        """),
                new Golden(new Recommended(12, 13, 7, "You'll love it"), """
                        {"eventId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","type":"RECOMMENDED","actorId":12,
                         "occurredAt":"2026-11-25T15:00:00.123456Z",
                         "payload":{"userId":12,"toUserId":13,"movieId":7,"note":"You'll love it"}}
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void aDeliveredEventReadsAsItsRecord(Golden golden) throws InvalidEvent {
        DeliveredEvent read = EventJson.read(JSON.readTree(golden.json()));

        assertThat(read).isEqualTo(new DeliveredEvent(ID, 12, AT, golden.payload(), null));
        assertThat(read.type()).isEqualTo(golden.payload().type());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void aProducerStoresThePayloadAsTheGoldenHasIt(Golden golden) {
        JsonNode stored = JSON.readTree(EventJson.write(golden.payload()));

        assertThat(stored).isEqualTo(JSON.readTree(golden.json()).get("payload"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void theWholeEnvelopeIsWrittenAsTheGoldenHasIt(Golden golden) {
        JsonNode written = JSON.readTree(EventJson.write(new DeliveredEvent(ID, 12, AT, golden.payload(), null)));

        assertThat(written).isEqualTo(JSON.readTree(golden.json()));
    }

    @Test
    void everyTypeOfTheContractHasAGolden() {
        List<String> pinned =
                goldens().map(golden -> golden.payload().type()).distinct().toList();

        assertThat(pinned).containsExactlyInAnyOrderElementsOf(EventJson.types());
        assertThat(pinned).doesNotHaveDuplicates();
        assertThat(Arrays.stream(CinematesEvent.class.getPermittedSubclasses())
                        .map(Class::getSimpleName)
                        .toList())
                .as("one record per type id")
                .hasSameSizeAs(EventJson.types());
    }

    @Test
    void theTraceContextTravelsInTheEnvelopeWhenThereIsOne() throws InvalidEvent {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        DeliveredEvent event = new DeliveredEvent(ID, 12, AT, new AccountDeleted(12), traceparent);

        JsonNode written = JSON.readTree(EventJson.write(event));

        assertThat(written.path("traceparent").asString()).isEqualTo(traceparent);
        assertThat(EventJson.read(written)).isEqualTo(event);
    }
}
