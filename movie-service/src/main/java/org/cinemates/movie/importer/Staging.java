package org.cinemates.movie.importer;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Fills staging tables inside the import's transaction, as fast as the database allows:
 * PostgreSQL's COPY, or JDBC batches elsewhere.
 */
interface Staging {

    Writer open(LoadTarget table) throws SQLException;

    /** Rows for one table; {@link #close()} sends what is still buffered. */
    interface Writer extends AutoCloseable {

        /** One row, values in the table's column order; null for SQL NULL. */
        void write(@Nullable Object... values) throws SQLException;

        @Override
        void close() throws SQLException;
    }
}
