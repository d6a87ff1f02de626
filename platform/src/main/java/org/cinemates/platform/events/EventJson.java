package org.cinemates.platform.events;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertTrue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The events' JSON, the same in every service whatever its own Jackson settings: {@link
 * #write(CinematesEvent)} makes the payload a producer stores, {@link #read(JsonNode)} checks and
 * reads a delivered event.
 *
 * <p>Reading is strict about what the contract says (numbers are numbers, ids whole and positive,
 * text is text) and tolerant of what it does not: fields it does not know are skipped, so a
 * producer may add a field before its consumers know it.
 */
public final class EventJson {

    /** The longest username or display name an event may carry. */
    public static final int MAX_NAME = 100;

    /** The longest review an event may carry. */
    public static final int MAX_REVIEW = 5000;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .withCoercionConfig(
                    LogicalType.Textual,
                    text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** Built once: every message is spelled out on its constraint, so no locale changes a reason. */
    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    /** Type ids as they could be: any other sender text is not echoed into a reason. */
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z_]{1,40}");

    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private EventJson() {}

    /** Every type id of the contract. */
    public static Set<String> types() {
        return EventTypes.names();
    }

    /**
     * The payload as a producer stores it in its outbox, without the type id (that goes beside
     * it, in the envelope).
     *
     * @throws IllegalArgumentException when the event breaks the contract: a producer's bug,
     *     better found while the change can still be rolled back than when every consumer drops it
     */
    public static String write(CinematesEvent payload) {
        Set<ConstraintViolation<CinematesEvent>> violations = VALIDATOR.validate(payload);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(
                    "A " + payload.type() + " event breaks the contract: " + describe(violations, "payload."));
        }
        return JSON.writeValueAsString(payload);
    }

    /**
     * The whole event as a relay delivers it, for consumers' tests and stand-ins. Unchecked, so
     * a test can also send what breaks the contract.
     */
    public static String write(DeliveredEvent event) {
        return JSON.writeValueAsString(event);
    }

    /**
     * Reads a delivered event and checks it against the contract.
     *
     * @throws InvalidEvent when it is not an event of a known type with every field its type
     *     needs, each within its rules
     */
    public static DeliveredEvent read(@Nullable JsonNode event) throws InvalidEvent {
        if (event == null || !event.isObject()) {
            throw new InvalidEvent("an event must be a JSON object", null);
        }
        UUID eventId = wellFormedId(event.path("eventId"));
        JsonNode type = event.path("type");
        if (!type.isString()) {
            throw new InvalidEvent("type must be a string", eventId);
        }
        if (!EventTypes.names().contains(type.stringValue())) {
            throw new InvalidEvent(
                    TYPE_NAME.matcher(type.stringValue()).matches()
                            ? "unknown type " + type.stringValue()
                            : "unknown type",
                    eventId);
        }
        DeliveredEvent read;
        try {
            read = JSON.treeToValue(event, DeliveredEvent.class);
        } catch (DatabindException e) {
            throw new InvalidEvent(describe(e), eventId);
        } catch (JacksonException e) {
            throw new InvalidEvent("cannot be read as an event", eventId);
        }
        Set<ConstraintViolation<DeliveredEvent>> violations = VALIDATOR.validate(read);
        if (!violations.isEmpty()) {
            throw new InvalidEvent(describe(violations, ""), eventId);
        }
        return read;
    }

    /**
     * The trace context an event says it was written in, read before the event itself so that
     * even a broken event is reported in its trace. Unchecked: {@code EventTraces} checks it.
     */
    public static @Nullable String traceparent(@Nullable JsonNode event) {
        JsonNode traceparent = event == null ? null : event.get("traceparent");
        return traceparent != null && traceparent.isString() ? traceparent.stringValue() : null;
    }

    private static @Nullable UUID wellFormedId(JsonNode id) {
        return id.isString() && UUID_FORMAT.matcher(id.stringValue()).matches()
                ? UUID.fromString(id.stringValue())
                : null;
    }

    /** Every rule broken, in a stable order: "payload.score must be ...; payload.review must ...". */
    private static <T> String describe(Set<ConstraintViolation<T>> violations, String prefix) {
        return violations.stream()
                .map(violation -> describe(violation, prefix))
                .sorted()
                .distinct()
                .collect(Collectors.joining("; "));
    }

    /**
     * A rule across fields is an {@link AssertTrue} method whose message names the field it is
     * about; any other rule is about the field it annotates.
     */
    private static String describe(ConstraintViolation<?> violation, String prefix) {
        StringBuilder parent = new StringBuilder(prefix);
        String leaf = "";
        for (Path.Node node : violation.getPropertyPath()) {
            if (!leaf.isEmpty()) {
                parent.append(leaf).append('.');
            }
            leaf = node.getName() == null ? "" : node.getName();
        }
        if (violation.getConstraintDescriptor().getAnnotation() instanceof AssertTrue) {
            return parent + violation.getMessage();
        }
        return parent + leaf + " " + violation.getMessage();
    }

    /** What could not be read, and what it should have been; never the value that was there. */
    private static String describe(DatabindException e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            String name = reference.getPropertyName();
            if (name == null) {
                continue;
            }
            // The payload is read apart from its envelope (once its type id is known), so a
            // payload field's path starts at the payload record.
            if (field.isEmpty() && isPayload(reference.from())) {
                field.append("payload");
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(name);
        }
        if (field.isEmpty()) {
            return isPayload(target) ? "payload must be a JSON object" : "an event must be a JSON object";
        }
        if (target == DeliveredEvent.class) {
            return field + " is required"; // the payload of a type id
        }
        return field + " must be " + expected(target);
    }

    private static boolean isPayload(@Nullable Object classOrInstance) {
        Class<?> type =
                classOrInstance instanceof Class<?> c ? c : classOrInstance == null ? null : classOrInstance.getClass();
        return type != null && CinematesEvent.class.isAssignableFrom(type);
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "of the type the contract names";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a positive whole number";
        }
        if (type == BigDecimal.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Instant.class) {
            return OccurredAtReader.EXPECTED;
        }
        return "a JSON object";
    }

    /**
     * {@code occurredAt}: ISO-8601 with an offset ({@code Z} or {@code +01:00}), from 1970 to
     * 9999; not a number of seconds, not a local time.
     */
    static final class OccurredAtReader extends ValueDeserializer<Instant> {

        static final String EXPECTED = "an ISO-8601 time with an offset, e.g. 2026-11-25T15:00:00Z, from 1970 to 9999";
        private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
        private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(parser, Instant.class, "not a string");
            }
            String text = parser.getString();
            Instant instant;
            try {
                instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(parser, "not ISO-8601 with an offset", text, Instant.class);
            }
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw InvalidFormatException.from(parser, "out of range", text, Instant.class);
            }
            return instant;
        }
    }

    /** Text when it is text; anything else reads as none (a trace context is only a hint). */
    static final class LenientTextReader extends ValueDeserializer<@Nullable String> {

        @Override
        public @Nullable String deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                return parser.getString();
            }
            parser.skipChildren();
            return null;
        }
    }
}
