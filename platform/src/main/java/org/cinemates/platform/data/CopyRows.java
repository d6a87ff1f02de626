package org.cinemates.platform.data;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into a PostgreSQL table through {@code COPY ... FROM STDIN} (text format) on a
 * connection the caller owns, sent in chunks of a few hundred kilobytes. {@link #close()} ends the
 * COPY (or cancels it if ending failed); the caller commits or rolls back.
 */
public final class CopyRows implements AutoCloseable {

    private static final int CHUNK = 256 * 1024;

    private final CopyIn copy;
    /** Rows not sent yet, in COPY's text format. */
    private final StringBuilder rows = new StringBuilder(CHUNK + 4096);

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code copy <table> (<columns>) from stdin}. */
    public static CopyRows into(Connection connection, String table, String... columns) throws SQLException {
        return new CopyRows(connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin"));
    }

    /** One row, a value per column; null is NULL. */
    public void write(@Nullable Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            appendValue(values[i]);
        }
        rows.append('\n');
        if (rows.length() >= CHUNK) {
            flush();
        }
    }

    /** COPY text format: \N is NULL; backslash, tab and line breaks are escaped. */
    private void appendValue(@Nullable Object value) {
        if (value == null) {
            rows.append("\\N");
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        if (!rows.isEmpty()) {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            rows.setLength(0);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
