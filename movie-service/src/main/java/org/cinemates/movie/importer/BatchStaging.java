package org.cinemates.movie.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** Databases without a bulk-load API (H2): JDBC batch inserts on the transaction's connection. */
final class BatchStaging implements Staging {

    private final DataSource dataSource;
    private final int batchSize;

    BatchStaging(DataSource dataSource, int batchSize) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
    }

    @Override
    public Writer open(LoadTarget table) throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            String sql = "insert into " + table.table() + " (" + String.join(", ", table.columns()) + ") values ("
                    + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
            return new BatchWriter(connection.prepareStatement(sql), connection);
        } catch (SQLException | RuntimeException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw e;
        }
    }

    private final class BatchWriter implements Writer {

        private final PreparedStatement insert;
        private final Connection connection;
        private int pending;

        BatchWriter(PreparedStatement insert, Connection connection) {
            this.insert = insert;
            this.connection = connection;
        }

        @Override
        public void write(@Nullable Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.addBatch();
            if (++pending == batchSize) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try (insert) {
                if (pending > 0) {
                    insert.executeBatch();
                }
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }
}
