package org.cinemates.activity.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.cinemates.activity.log.Position;
import org.cinemates.platform.web.ValidationFailed;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorLeadsBackToThePositionItWasMadeFrom() {
        Position position = new Position(Instant.parse("2026-11-25T15:00:00.123456Z"), 987_654_321L);

        String cursor = Cursor.encode(position);

        assertThat(cursor).matches("[A-Za-z0-9_-]{22}");
        assertThat(Cursor.decode(cursor)).isEqualTo(position);
    }

    @Test
    void keepsMicroseconds() {
        Position position = new Position(Instant.parse("1970-01-01T00:00:00.000001Z"), 1);
        assertThat(Cursor.decode(Cursor.encode(position)).occurredAt()).isEqualTo(position.occurredAt());
    }

    @Test
    void refusesWhatItDidNotMake() {
        String valid = Cursor.encode(new Position(Instant.parse("2026-01-01T00:00:00Z"), 5));
        for (String cursor : new String[] {
            "", "x", "abc", "!!!!", valid + "A", valid.substring(1), "AAAAAAAAAAAAAAAAAAAAAA", "_____________________w"
        }) {
            assertThatThrownBy(() -> Cursor.decode(cursor))
                    .as("'%s'", cursor)
                    .isInstanceOf(ValidationFailed.class)
                    .hasMessageContaining("before");
        }
    }
}
