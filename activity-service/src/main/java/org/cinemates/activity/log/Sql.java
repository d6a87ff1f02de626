package org.cinemates.activity.log;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;

/** Small helpers for typed JDBC parameters (no driver round trip to guess a null's type). */
final class Sql {

    private Sql() {}

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static void setTime(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setObject(index, utc(instant), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    interface Setter<T> {
        void set(PreparedStatement ps, T item) throws SQLException;
    }

    /** A JDBC batch of one statement per item. */
    static <T> BatchPreparedStatementSetter batch(List<T> items, Setter<T> setter) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                setter.set(ps, items.get(i));
            }

            @Override
            public int getBatchSize() {
                return items.size();
            }
        };
    }
}
