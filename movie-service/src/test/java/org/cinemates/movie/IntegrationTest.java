package org.cinemates.movie;

import java.nio.file.Path;
import org.cinemates.movie.importer.CatalogueImports;
import org.cinemates.movie.importer.CatalogueSource;
import org.cinemates.movie.importer.ImportStatus;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Runs movie-service on a random port against a PostgreSQL database of this test run and talks to
 * it over HTTP. Each test class names its own database (so imports of one cannot disturb another):
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     useDatabase(registry, "search");
 * }
 * }</pre>
 *
 * Imports do not run at start-up here; tests import what they need.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cinemates.movies.import.on-startup=false", "cinemates.movies.import.max-reported-errors=50"})
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected CatalogueImports imports;

    protected static void useDatabase(DynamicPropertyRegistry registry, String name) {
        registry.add("spring.datasource.url", () -> TestDatabases.postgres(name));
        registry.add("spring.datasource.username", TestDatabases::user);
        registry.add("spring.datasource.password", TestDatabases::password);
        registry.add("cinemates.security.jwt.jwks-uri", TestTokens::jwksUri);
    }

    protected ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    protected ImportStatus importFolder(Path folder) {
        return imports.importNow(CatalogueSource.of(folder));
    }
}
