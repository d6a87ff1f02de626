package org.cinemates.movie.importer;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.cinemates.platform.data.CopyRows;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL: rows stream into the staging table through COPY (text format) on the transaction's
 * own connection, in chunks of a few hundred kilobytes.
 */
final class CopyStaging implements Staging {

    private final DataSource dataSource;

    CopyStaging(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Writer open(LoadTarget table) throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyRows copy =
                    CopyRows.into(connection, table.table(), table.columns().toArray(String[]::new));
            return new Writer() {
                @Override
                public void write(@Nullable Object... values) throws SQLException {
                    copy.write(values);
                }

                @Override
                public void close() throws SQLException {
                    try {
                        copy.close();
                    } finally {
                        DataSourceUtils.releaseConnection(connection, dataSource);
                    }
                }
            };
        } catch (SQLException | RuntimeException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw e;
        }
    }
}
