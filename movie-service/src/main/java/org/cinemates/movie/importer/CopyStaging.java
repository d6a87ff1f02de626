package org.cinemates.movie.importer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL: rows stream into the staging table through COPY (text format) on the transaction's
 * own connection, in chunks of a few hundred kilobytes.
 */
final class CopyStaging implements Staging {

    private static final int CHUNK = 256 * 1024;

    private final DataSource dataSource;

    CopyStaging(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Writer open(LoadTarget table) throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + table.table() + " (" + String.join(", ", table.columns()) + ") from stdin");
            return new CopyWriter(copy, connection);
        } catch (SQLException | RuntimeException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw e;
        }
    }

    private final class CopyWriter implements Writer {

        private final CopyIn copy;
        private final Connection connection;
        /** Rows not sent yet, in COPY's text format. */
        private final StringBuilder rows = new StringBuilder(CHUNK + 4096);

        CopyWriter(CopyIn copy, Connection connection) {
            this.copy = copy;
            this.connection = connection;
        }

        @Override
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
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }
}
