package org.cinemates.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading an event checks it against the contract and says which rule it broke. */
class EventJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private static JsonNode event(String type, String occurredAt, String payload) {
        return JSON.readTree("{\"eventId\":\"" + ID + "\",\"type\":\"" + type + "\",\"actorId\":12,\"occurredAt\":\""
                + occurredAt + "\",\"payload\":" + payload + "}");
    }

    private static String reason(@Nullable JsonNode event) {
        try {
            EventJson.read(event);
        } catch (InvalidEvent e) {
            return e.reason();
        }
        throw new AssertionError("read as valid: " + event);
    }

    @Test
    void readsARating() throws InvalidEvent {
        DeliveredEvent event =
                EventJson.read(event("RATED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"movieId\":7,\"score\":4.5}"));

        assertThat(event.eventId()).isEqualTo(UUID.fromString(ID));
        assertThat(event.actorId()).isEqualTo(12);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
        assertThat(event.payload()).isEqualTo(new Rated(12, 7, new BigDecimal("4.5")));
        assertThat(event.traceparent()).isNull();
    }

    @Test
    void acceptsTimesWithAnOffsetAndWholeScores() throws InvalidEvent {
        DeliveredEvent event = EventJson.read(
                event("RATED", "2026-11-25T16:00:00+01:00", "{\"userId\":12,\"movieId\":7,\"score\":4}"));

        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
        assertThat(((Rated) event.payload()).score()).isEqualByComparingTo("4.0");
    }

    @Test
    void skipsFieldsItDoesNotKnowSoAProducerMayAddOne() throws InvalidEvent {
        DeliveredEvent event = EventJson.read(event(
                "WATCHLISTED",
                "2026-11-25T15:00:00Z",
                "{\"userId\":12,\"movieId\":7,\"note\":{\"deep\":[1,2,3]},\"priority\":\"high\"}"));

        assertThat(event.payload()).isEqualTo(new Watchlisted(12, 7));
    }

    @Test
    void aTraceContextThatIsNotTextReadsAsNone() throws InvalidEvent {
        var node = (tools.jackson.databind.node.ObjectNode)
                event("ACCOUNT_DELETED", "2026-11-25T15:00:00Z", "{\"userId\":12}");
        node.put("traceparent", 42);

        assertThat(EventJson.read(node).traceparent()).isNull();
        node.putObject("traceparent").put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(EventJson.read(node).traceparent()).isNull();
    }

    @ParameterizedTest(name = "{0} {2}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "RATED           | 2026-11-25T15:00:00Z | {\"userId\":12,\"movieId\":7,\"score\":0}              | payload.score must be 0.5 to 5.0 in steps of 0.5",
                "RATED           | 2026-11-25T15:00:00Z | {\"userId\":12,\"movieId\":7,\"score\":5.5}            | payload.score must be 0.5 to 5.0 in steps of 0.5",
                "RATED           | 2026-11-25T15:00:00Z | {\"userId\":12,\"movieId\":7,\"score\":3.25}           | payload.score must be 0.5 to 5.0 in steps of 0.5",
                "RATED           | 2026-11-25T15:00:00Z | {\"userId\":12,\"movieId\":7,\"score\":\"4\"}          | payload.score must be a number",
                "RATED           | 2026-11-25T15:00:00Z | {\"userId\":12,\"movieId\":7}                          | payload.score is required",
                "RATED           | 2026-11-25T15:00:00Z | {\"userId\":12,\"movieId\":0,\"score\":4}              | payload.movieId must be a positive whole number",
                "RATED           | 2026-11-25T15:00:00Z | {\"userId\":12,\"movieId\":7.5,\"score\":4}            | payload.movieId must be a positive whole number",
                "RATED           | 2026-11-25T15:00:00Z | {\"userId\":12,\"movieId\":\"7\",\"score\":4}          | payload.movieId must be a positive whole number",
                "RATED           | 2026-11-25T15:00:00Z | {\"userId\":12,\"score\":4}                            | payload.movieId must be a positive whole number",
                "RATED           | 2026-11-25T15:00:00Z | {\"userId\":13,\"movieId\":7,\"score\":4}              | payload.userId must be the actorId",
                "RATED           | 2026-11-25T15:00:00Z | {\"movieId\":7,\"score\":4}                            | payload.userId must be a positive whole number",
                "RATED           | 2026-11-25 15:00:00  | {\"userId\":12,\"movieId\":7,\"score\":4}              | occurredAt must be an ISO-8601 time with an offset, e.g. 2026-11-25T15:00:00Z, from 1970 to 9999",
                "RATED           | 2026-11-25T15:00:00  | {\"userId\":12,\"movieId\":7,\"score\":4}              | occurredAt must be an ISO-8601 time with an offset, e.g. 2026-11-25T15:00:00Z, from 1970 to 9999",
                "RATED           | 1969-12-31T23:59:59Z | {\"userId\":12,\"movieId\":7,\"score\":4}              | occurredAt must be an ISO-8601 time with an offset, e.g. 2026-11-25T15:00:00Z, from 1970 to 9999",
                "RATED           | 2026-11-25T15:00:00Z | []                                                     | payload must be a JSON object",
                "REVIEWED        | 2026-11-25T15:00:00Z | {\"userId\":12,\"movieId\":7,\"score\":4}              | payload.review must not be blank",
                "REVIEWED        | 2026-11-25T15:00:00Z | {\"userId\":12,\"movieId\":7,\"score\":4,\"review\":\" \"} | payload.review must not be blank",
                "REVIEWED        | 2026-11-25T15:00:00Z | {\"userId\":12,\"movieId\":7,\"score\":4,\"review\":5}  | payload.review must be a string",
                "JOINED          | 2026-11-25T15:00:00Z | {\"userId\":12,\"username\":\"\",\"displayName\":\"A\"} | payload.username must not be blank",
                "JOINED          | 2026-11-25T15:00:00Z | {\"userId\":12,\"username\":\"ann\"}                   | payload.displayName is required",
                "JOINED          | 2026-11-25T15:00:00Z | {\"userId\":12,\"username\":\"ann\\u0000\",\"displayName\":\"A\"} | payload.username must not contain NUL characters",
                "UNFRIENDED      | 2026-11-25T15:00:00Z | {\"userId\":12}                                        | payload.friendId must be a positive whole number",
                "BEFRIENDED      | 2026-11-25T15:00:00Z | {\"userId\":12,\"friendId\":12}                        | payload.friendId must be someone else",
            })
    void refusesAnEventThatBreaksTheContractAndSaysWhy(String type, String occurredAt, String payload, String reason) {
        assertThat(reason(event(type, occurredAt, payload))).isEqualTo(reason);
    }

    @Test
    void listsEveryRuleBroken() {
        assertThat(reason(event(
                        "REVIEWED",
                        "2026-11-25T15:00:00Z",
                        "{\"userId\":12,\"movieId\":-1,\"score\":9,\"review\":\"" + "x".repeat(5001) + "\"}")))
                .isEqualTo("payload.movieId must be a positive whole number; "
                        + "payload.review must be at most 5000 characters; "
                        + "payload.score must be 0.5 to 5.0 in steps of 0.5");
    }

    @Test
    void refusesUnknownTypesNamingOnlyNamesThatLookLikeTypes() {
        assertThat(reason(event("LIKED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"movieId\":7}")))
                .isEqualTo("unknown type LIKED");
        assertThat(reason(event("rated", "2026-11-25T15:00:00Z", "{\"userId\":12}")))
                .as("type ids are upper case")
                .isEqualTo("unknown type");
        assertThat(reason(event("LIKED\\nforged line", "2026-11-25T15:00:00Z", "{\"userId\":12}")))
                .isEqualTo("unknown type");
    }

    @Test
    void refusesEnvelopesWithoutAProperIdActorTypeOrPayload() {
        String at = "\"occurredAt\":\"2026-01-01T00:00:00Z\"";
        String[][] cases = {
            {
                "{\"eventId\":\"1-1-1-1-1\",\"type\":\"ACCOUNT_DELETED\",\"actorId\":1," + at
                        + ",\"payload\":{\"userId\":1}}",
                "eventId must be a UUID"
            },
            {"{\"type\":\"ACCOUNT_DELETED\",\"actorId\":1," + at + ",\"payload\":{\"userId\":1}}", "eventId is required"
            },
            {
                "{\"eventId\":\"" + ID + "\",\"type\":\"ACCOUNT_DELETED\",\"actorId\":-1," + at
                        + ",\"payload\":{\"userId\":-1}}",
                "actorId must be a positive whole number; payload.userId must be a positive whole number"
            },
            {
                "{\"eventId\":\"" + ID + "\",\"type\":\"ACCOUNT_DELETED\",\"actorId\":1.5," + at
                        + ",\"payload\":{\"userId\":1}}",
                "actorId must be a positive whole number"
            },
            {"{\"eventId\":\"" + ID + "\",\"type\":\"ACCOUNT_DELETED\",\"actorId\":1," + at + "}", "payload is required"
            },
            {"{\"eventId\":\"" + ID + "\",\"actorId\":1," + at + ",\"payload\":{\"userId\":1}}", "type must be a string"
            },
            {
                "{\"eventId\":\"" + ID + "\",\"type\":7,\"actorId\":1," + at + ",\"payload\":{\"userId\":1}}",
                "type must be a string"
            },
            {
                "{\"eventId\":\"" + ID + "\",\"type\":\"ACCOUNT_DELETED\",\"actorId\":1,\"occurredAt\":1764082800,"
                        + "\"payload\":{\"userId\":1}}",
                "occurredAt must be an ISO-8601 time with an offset, e.g. 2026-11-25T15:00:00Z, from 1970 to 9999"
            },
            {"\"ACCOUNT_DELETED\"", "an event must be a JSON object"},
            {"null", "an event must be a JSON object"},
        };
        for (String[] c : cases) {
            assertThat(reason(JSON.readTree(c[0]))).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(reason(null)).isEqualTo("an event must be a JSON object");
    }

    @Test
    void aReasonCarriesTheIdOnlyWhenItIsWellFormed() {
        var bad = (tools.jackson.databind.node.ObjectNode)
                event("RATED", "2026-11-25T15:00:00Z", "{\"userId\":12,\"movieId\":7,\"score\":9}");

        assertThatThrownBy(() -> EventJson.read(bad))
                .isInstanceOfSatisfying(
                        InvalidEvent.class, e -> assertThat(e.eventId()).isEqualTo(UUID.fromString(ID)));
        bad.put("eventId", "x\nforged");
        assertThatThrownBy(() -> EventJson.read(bad))
                .isInstanceOfSatisfying(
                        InvalidEvent.class, e -> assertThat(e.eventId()).isNull());
    }

    @Test
    void aProducerCannotWriteAnEventThatBreaksTheContract() {
        assertThatThrownBy(() -> EventJson.write(new Rated(12, 7, new BigDecimal("4.3"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A RATED event breaks the contract: payload.score must be 0.5 to 5.0 in steps of 0.5");
        assertThatThrownBy(() -> EventJson.write(new Befriended(12, 12)))
                .hasMessage("A BEFRIENDED event breaks the contract: payload.friendId must be someone else");
        assertThatThrownBy(() -> EventJson.write(new Reviewed(12, 7, new BigDecimal("4.0"), " ")))
                .hasMessageEndingWith("payload.review must not be blank");
    }
}
