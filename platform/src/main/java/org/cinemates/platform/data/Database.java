package org.cinemates.platform.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The database a service runs on: PostgreSQL in production, embedded H2 by default. Schemas and
 * most statements are the same on both; bulk loading, upserts and some queries use what each
 * database does best.
 */
public enum Database {
    POSTGRESQL,
    H2;

    public static Database of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            if (product.contains("h2")) {
                return H2;
            }
            throw new IllegalStateException("Cinemates services run on PostgreSQL or H2, not on " + product);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot tell which database this is", e);
        }
    }
}
