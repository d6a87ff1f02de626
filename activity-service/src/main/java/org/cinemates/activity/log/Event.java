package org.cinemates.activity.log;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An event of the contract, checked: every field its type needs is there and makes sense. Times
 * are kept to the microsecond, as the databases store them.
 */
record Event(
        UUID eventId,
        EventType type,
        long actorId,
        Instant occurredAt,
        @Nullable Long movieId,
        @Nullable BigDecimal score,
        @Nullable String review,
        @Nullable Long friendId,
        @Nullable String username,
        @Nullable String displayName) {

    static final int MAX_REVIEW = 5000;
    static final int MAX_NAME = 100;
    static final BigDecimal MIN_SCORE = new BigDecimal("0.5");
    static final BigDecimal MAX_SCORE = new BigDecimal("5.0");
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Why an event cannot be used. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The rating, watchlist entry or friendship this event puts or removes, if any. */
    @Nullable
    Mark mark() {
        Mark.Kind kind = type.kind();
        if (kind == null) {
            return null;
        }
        long subject =
                kind == Mark.Kind.FRIENDSHIP ? Objects.requireNonNull(friendId) : Objects.requireNonNull(movieId);
        if (kind == Mark.Kind.FRIENDSHIP) {
            return new Mark(Math.min(actorId, subject), Math.max(actorId, subject), kind, occurredAt, type.removes());
        }
        return new Mark(actorId, subject, kind, occurredAt, type.removes());
    }

    /** Type names as they could be: anything else is not echoed into the log. */
    private static final java.util.regex.Pattern TYPE_NAME = java.util.regex.Pattern.compile("[A-Z_]{1,40}");

    static boolean isEventId(String candidate) {
        return UUID_FORMAT.matcher(candidate).matches();
    }

    static Event parse(JsonNode node) throws Invalid {
        if (!node.isObject()) {
            throw new Invalid("an event must be a JSON object");
        }
        String id = text(node, "eventId", 36);
        if (!UUID_FORMAT.matcher(id).matches()) {
            throw new Invalid("eventId must be a UUID");
        }
        String typeName = text(node, "type", 40);
        EventType type = EventType.named(typeName);
        if (type == null) {
            throw new Invalid(TYPE_NAME.matcher(typeName).matches() ? "unknown type " + typeName : "unknown type");
        }
        long actorId = id(node, "actorId");
        Instant occurredAt = time(text(node, "occurredAt", 64));
        JsonNode payload = node.path("payload");
        if (!payload.isObject()) {
            throw new Invalid("payload must be a JSON object");
        }
        if (id(payload, "payload.userId") != actorId) {
            throw new Invalid("payload.userId must be the actorId");
        }
        Long movieId = null;
        BigDecimal score = null;
        String review = null;
        Long friendId = null;
        String username = null;
        String displayName = null;
        switch (type) {
            case JOINED, PROFILE_UPDATED -> {
                username = text(payload, "payload.username", MAX_NAME);
                if (username.isBlank()) {
                    throw new Invalid("payload.username must not be blank");
                }
                displayName = text(payload, "payload.displayName", MAX_NAME);
            }
            case BEFRIENDED, UNFRIENDED -> {
                friendId = id(payload, "payload.friendId");
                if (friendId == actorId) {
                    throw new Invalid("payload.friendId must be someone else");
                }
            }
            case RATED, REVIEWED -> {
                movieId = id(payload, "payload.movieId");
                score = score(payload);
                if (type == EventType.REVIEWED) {
                    review = text(payload, "payload.review", MAX_REVIEW);
                    if (review.isBlank()) {
                        throw new Invalid("payload.review must not be blank");
                    }
                }
            }
            case RATING_DELETED, WATCHLISTED, WATCHLIST_REMOVED -> movieId = id(payload, "payload.movieId");
            case ACCOUNT_DELETED -> {
                // The actor is all it names.
            }
        }
        return new Event(
                UUID.fromString(id),
                type,
                actorId,
                occurredAt,
                movieId,
                score,
                review,
                friendId,
                username,
                displayName);
    }

    private static String text(JsonNode node, String field, int maxLength) throws Invalid {
        JsonNode value = node.path(name(field));
        if (!value.isString()) {
            throw new Invalid(field + " must be a string");
        }
        String text = value.stringValue();
        if (text.length() > maxLength) {
            throw new Invalid(field + " must be at most " + maxLength + " characters");
        }
        if (text.indexOf('\0') >= 0) {
            throw new Invalid(field + " must not contain NUL characters");
        }
        return text;
    }

    private static long id(JsonNode node, String field) throws Invalid {
        JsonNode value = node.path(name(field));
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            throw new Invalid(field + " must be a positive whole number");
        }
        return value.longValue();
    }

    /** The field's name in its object: "payload.movieId" is "movieId" in the payload. */
    private static String name(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static BigDecimal score(JsonNode payload) throws Invalid {
        JsonNode value = payload.path("score");
        if (!value.isNumber()) {
            throw new Invalid("payload.score must be a number");
        }
        BigDecimal score = value.decimalValue();
        if (score.compareTo(MIN_SCORE) < 0
                || score.compareTo(MAX_SCORE) > 0
                || score.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
            throw new Invalid("payload.score must be 0.5 to 5.0 in steps of 0.5");
        }
        return score.setScale(1);
    }

    private static Instant time(String text) throws Invalid {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid("occurredAt must be an ISO-8601 time with an offset, e.g. 2026-11-25T15:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new Invalid("occurredAt is out of range");
        }
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
