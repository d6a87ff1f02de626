package org.cinemates.activity.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private static JsonNode event(String type, String occurredAt, String payload) {
        return JSON.readTree("{\"eventId\":\"" + ID + "\",\"type\":\"" + type + "\",\"actorId\":12,\"occurredAt\":\""
                + occurredAt + "\",\"payload\":" + payload + "}");
    }

    @Test
    void readsARatingToTheMicrosecond() throws Exception {
        Event event = Event.parse(
                event("RATED", "2026-11-25T15:00:00.123456789Z", "{\"userId\":12,\"movieId\":7,\"score\":4.5}"));

        assertThat(event.type()).isEqualTo(EventType.RATED);
        assertThat(event.actorId()).isEqualTo(12);
        assertThat(event.movieId()).isEqualTo(7);
        assertThat(event.score()).isEqualByComparingTo("4.5");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-25T15:00:00.123456Z"));
        assertThat(event.mark()).isEqualTo(new Mark(12, 7, Mark.Kind.RATING, event.occurredAt(), false));
    }

    @Test
    void acceptsTimesWithAnOffset() throws Exception {
        Event event = Event.parse(event("WATCHLISTED", "2026-11-25T16:00:00+01:00", "{\"userId\":12,\"movieId\":7}"));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
    }

    @Test
    void aFriendshipIsTheSameWhoeverStartsIt() throws Exception {
        Event befriended = Event.parse(event("BEFRIENDED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"friendId\":3}"));
        Event unfriended = Event.parse(event("UNFRIENDED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"friendId\":3}"));

        Mark put = Objects.requireNonNull(befriended.mark());
        Mark removal = Objects.requireNonNull(unfriended.mark());
        assertThat(put.key()).isEqualTo(new Mark.Key(3, 12, Mark.Kind.FRIENDSHIP));
        assertThat(removal.removed()).isTrue();
        assertThat(removal.supersedes(put)).isTrue();
        assertThat(put.supersedes(removal)).isFalse();
    }

    @Test
    void refusesEventsThatBreakTheContract() {
        String[][] cases = {
            {"RATED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"movieId\":7,\"score\":0}"},
            {"RATED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"movieId\":7,\"score\":5.5}"},
            {"RATED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"movieId\":7,\"score\":3.25}"},
            {"RATED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"movieId\":7,\"score\":\"4\"}"},
            {"RATED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"movieId\":0,\"score\":4}"},
            {"RATED", "2026-11-25T15:00:00Z", "{\"userId\":13,\"movieId\":7,\"score\":4}"},
            {"RATED", "2026-11-25T15:00:00Z", "{\"movieId\":7,\"score\":4}"},
            {"RATED", "2026-11-25 15:00:00", "{\"userId\":12,\"movieId\":7,\"score\":4}"},
            {"RATED", "2026-11-25T15:00:00", "{\"userId\":12,\"movieId\":7,\"score\":4}"},
            {"RATED", "1969-12-31T23:59:59Z", "{\"userId\":12,\"movieId\":7,\"score\":4}"},
            {"REVIEWED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"movieId\":7,\"score\":4}"},
            {"JOINED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"username\":\"\",\"displayName\":\"A\"}"},
            {"JOINED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"username\":\"ann\"}"},
            {"UNFRIENDED", "2026-11-25T15:00:00Z", "{\"userId\":12}"},
            {"BEFRIENDED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"friendId\":12}"},
            {"rated", "2026-11-25T15:00:00Z", "{\"userId\":12,\"movieId\":7,\"score\":4}"},
            {"RATED", "2026-11-25T15:00:00Z", "[]"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> Event.parse(event(c[0], c[1], c[2])))
                    .as("%s %s %s", c[0], c[1], c[2])
                    .isInstanceOf(Event.Invalid.class);
        }
    }

    @Test
    void refusesEnvelopesWithoutAProperIdOrActor() {
        for (String json : new String[] {
            "{\"eventId\":\"1-1-1-1-1\",\"type\":\"ACCOUNT_DELETED\",\"actorId\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{\"userId\":1}}",
            "{\"eventId\":\"" + ID
                    + "\",\"type\":\"ACCOUNT_DELETED\",\"actorId\":-1,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{\"userId\":-1}}",
            "{\"eventId\":\"" + ID
                    + "\",\"type\":\"ACCOUNT_DELETED\",\"actorId\":1.5,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{\"userId\":1}}",
            "{\"eventId\":\"" + ID
                    + "\",\"type\":\"ACCOUNT_DELETED\",\"actorId\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\"}",
            "\"ACCOUNT_DELETED\""
        }) {
            assertThatThrownBy(() -> Event.parse(JSON.readTree(json))).as(json).isInstanceOf(Event.Invalid.class);
        }
    }
}
