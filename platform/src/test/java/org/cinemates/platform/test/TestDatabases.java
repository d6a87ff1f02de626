package org.cinemates.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;

/**
 * Fresh PostgreSQL databases for integration tests, on the server named by the system properties
 * {@code cinemates.test.postgres.url|user|password} (the build points them at 127.0.0.1:5432).
 * Each test JVM creates its own database per name and drops it when the JVM ends, so test runs
 * never see each other's data.
 *
 * <p>The drop waits until Spring has closed the JVM's application contexts (a Spring Boot shutdown
 * handler, not a JVM shutdown hook of its own): dropped under a context that is still closing, the
 * database would leave its scheduled tasks waiting for a connection until the pool's timeout, and
 * the test JVM would overrun the build's exit timeout and be killed.
 */
public final class TestDatabases {

    private static final Map<String, String> CREATED = new ConcurrentHashMap<>();

    private TestDatabases() {}

    /** The JDBC URL of this JVM's database for {@code name}, created on first use. */
    public static String postgres(String name) {
        return CREATED.computeIfAbsent(name, TestDatabases::create);
    }

    public static String user() {
        return System.getProperty("cinemates.test.postgres.user", "postgres");
    }

    public static String password() {
        return System.getProperty("cinemates.test.postgres.password", "");
    }

    private static String create(String name) {
        String server = System.getProperty("cinemates.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String database = ("cinemates_test_" + name + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(server, user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Integration tests need PostgreSQL at " + server + " (user " + user()
                            + "); start it or set -Dcinemates.test.postgres.url=...",
                    e);
        }
        SpringApplication.getShutdownHandlers().add(() -> drop(server, database));
        int slash = server.lastIndexOf('/');
        return server.substring(0, slash + 1) + database;
    }

    private static void drop(String server, String database) {
        try (Connection connection = DriverManager.getConnection(server, user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + database + ": " + e.getMessage());
        }
    }
}
