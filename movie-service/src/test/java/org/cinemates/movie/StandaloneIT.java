package org.cinemates.movie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.cinemates.movie.importer.CatalogueImports;
import org.cinemates.movie.importer.CatalogueSource;
import org.cinemates.movie.importer.ImportStatus;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.TestDatabases;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service alone, as a newcomer's first run starts it: the sample catalogue imported at
 * start-up into an empty database, and no user-service anywhere (nothing listens where the
 * signing keys would be).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cinemates.security.jwt.jwks-uri=http://127.0.0.1:9/api/auth/jwks.json",
            "cinemates.security.jwt.jwks-timeout=500ms"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.postgres("standalone"));
        registry.add("spring.datasource.username", TestDatabases::user);
        registry.add("spring.datasource.password", TestDatabases::password);
    }

    @LocalServerPort
    int port;

    @Autowired
    CatalogueImports imports;

    @Test
    @Order(1)
    void startsImportsTheSampleAndServesWithoutUserService() throws InterruptedException {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        JsonNode status = api.get("/api/movies/import").send().json();
        assertThat(status.path("source").asString()).isEqualTo("sample");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!status.path("state").asString().equals("DONE") && Instant.now().isBefore(deadline)) {
            assertThat(status.path("state").asString()).isEqualTo("RUNNING");
            Thread.sleep(100);
            status = api.get("/api/movies/import").send().json();
        }
        assertThat(status.path("state").asString()).isEqualTo("DONE");
        assertThat(status.path("inserted").asLong()).isGreaterThanOrEqualTo(300);
        assertThat(status.path("skipped").asLong()).isZero();

        assertThat(firstId(api, "/api/movies?q=amelie")).isEqualTo(4973);
        assertThat(firstId(api, "/api/movies?q=leon")).isEqualTo(293);
        assertThat(firstId(api, "/api/movies?q=se7en")).isEqualTo(47);
        assertThat(firstId(api, "/api/movies?q=WALL-E")).isEqualTo(60069);
        assertThat(firstId(api, "/api/movies?q=y%20tu%20mama%20tambien")).isPositive();
        assertThat(firstId(api, "/api/movies?q=toy%20story&genre=animation&yearTo=1999"))
                .isEqualTo(1);
        assertThat(firstId(api, "/api/movies?tag=studio%20ghibli&sort=year")).isPositive();
        assertThat(api.get("/api/movies/genres").send().json().path("items").size())
                .isEqualTo(19);
        assertThat(api.get("/api/movies/1").send().header("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("public"));

        // Without the signing keys no token can be checked, so no edit gets through.
        ApiResponse edit = api.post("/api/movies")
                .bearer(TestTokens.admin())
                .json(Map.of("title", "Needs Keys"))
                .send();
        assertThat(edit.status()).isGreaterThanOrEqualTo(400);
        assertThat(api.get("/api/movies?q=needs%20keys")
                        .send()
                        .json()
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    @Order(2)
    void importsMlLatestSmallOverTheSample() throws InterruptedException {
        awaitStartupImport();
        long started = System.nanoTime();
        ImportStatus status = imports.importNow(CatalogueSource.of(TestCatalogues.movieLensSmall()));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(status.state()).as("%s", status).isEqualTo("DONE");
        assertThat(status.skipped()).isZero();
        System.out.printf("ml-latest-small over the sample: %d ms%n", millis);
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        assertThat(firstId(api, "/api/movies?q=toy%20story")).isEqualTo(1);
        assertThat(firstId(api, "/api/movies?q=amelie")).isEqualTo(4973);
        assertThat(api.get("/api/movies/1").send().json().path("popularity").asInt())
                .isEqualTo(215);
        assertThat(imports.importNow(CatalogueSource.of(TestCatalogues.movieLensSmall()))
                        .updated())
                .isZero();
    }

    private void awaitStartupImport() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (imports.importing() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }

    private static long firstId(ApiClient api, String path) {
        JsonNode items = api.get(path).send().json().path("items");
        assertThat(items.size()).as(path).isPositive();
        return items.get(0).path("id").asLong();
    }
}
