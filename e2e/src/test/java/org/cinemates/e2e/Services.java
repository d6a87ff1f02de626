package org.cinemates.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Where the system under test's services listen, straight, without nginx (its settings.env). */
final class Services {

    private Services() {}

    /** Service name to its (first instance's) loopback port, in the order of the API. */
    static Map<String, Integer> ports() {
        Path file = Path.of(System.getProperty("cinemates.e2e.home", ""), "settings.env");
        assumeTrue(Files.isRegularFile(file), "no settings.env of the system under test");
        Properties settings = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            settings.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("user-service", Integer.parseInt(settings.getProperty("CINEMATES_USERS_PORT")));
        ports.put("movie-service", Integer.parseInt(settings.getProperty("CINEMATES_MOVIES_PORT")));
        ports.put("activity-service", Integer.parseInt(settings.getProperty("CINEMATES_ACTIVITIES_PORT")));
        ports.put("preference-service", Integer.parseInt(settings.getProperty("CINEMATES_PREFERENCES_PORT")));
        return ports;
    }

    static int edgePort() {
        return URI.create(EndToEnd.baseUrl()).getPort();
    }
}
