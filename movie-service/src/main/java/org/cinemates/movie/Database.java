package org.cinemates.movie;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The database the service runs on. The schema and most queries are the same on both; bulk loading,
 * upserts and trigram search use what each database does best.
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
            throw new IllegalStateException("movie-service runs on PostgreSQL or H2, not on " + product);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot tell which database this is", e);
        }
    }
}
