package org.cinemates.activity.feed;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.cinemates.activity.log.Position;
import org.cinemates.platform.web.ValidationFailed;

/**
 * The opaque {@code nextCursor} of a page: the position of its last activity (occurredAt in
 * microseconds and id), base64url-encoded. Clients hand it back as {@code before}.
 */
final class Cursor {

    static final String PARAMETER = "before";

    private static final int BYTES = 2 * Long.BYTES;

    private Cursor() {}

    static String encode(Position position) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, position.occurredAt());
        byte[] bytes = ByteBuffer.allocate(BYTES)
                .putLong(micros)
                .putLong(position.id())
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @throws ValidationFailed when the text is not a cursor this service made */
    static Position decode(String cursor) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (bytes.length != BYTES) {
            throw malformed();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long micros = buffer.getLong();
        long id = buffer.getLong();
        if (id < 1 || micros < 0 || micros > MAX_MICROS) {
            throw malformed();
        }
        return new Position(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    }

    /** 9999-12-31T23:59:59.999999Z, the latest time an activity can have. */
    private static final long MAX_MICROS = 253_402_300_799_999_999L;

    private static ValidationFailed malformed() {
        return new ValidationFailed(PARAMETER, "is not a cursor from a previous page's nextCursor");
    }
}
