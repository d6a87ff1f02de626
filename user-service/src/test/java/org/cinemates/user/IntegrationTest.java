package org.cinemates.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Runs user-service on a random port against this test run's own PostgreSQL database and talks to
 * it over HTTP, cookies and all.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cinemates.security.service-token=" + IntegrationTest.SERVICE_TOKEN,
            // Tests read the outbox; nothing relays it (no activity-service here).
            "cinemates.outbox.relay.enabled=false",
            "cinemates.users.throttle.login-per-account=1000/1m",
            "cinemates.users.throttle.login-per-ip=100000/1m",
            "cinemates.users.throttle.register-per-ip=100000/1m"
        })
public abstract class IntegrationTest {

    public static final String SERVICE_TOKEN = "integration-test-service-token";
    public static final String PASSWORD = "correct-horse-battery";

    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.postgres("users"));
        registry.add("spring.datasource.username", TestDatabases::user);
        registry.add("spring.datasource.password", TestDatabases::password);
    }

    protected ApiClient browser() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** A username no other test of this run uses. */
    protected static String uniqueName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() % 10_000 + "_" + NAMES.incrementAndGet();
    }

    /** Registers a fresh member in {@code browser}, which is then logged in. */
    protected Member register(ApiClient browser, String prefix) {
        String username = uniqueName(prefix);
        ApiResponse response = browser.post("/api/auth/register")
                .json(Map.of(
                        "username",
                        username,
                        "email",
                        username + "@example.org",
                        "password",
                        PASSWORD,
                        "displayName",
                        "The " + prefix))
                .send();
        assertThat(response.status()).as("register %s: %s", username, response).isEqualTo(201);
        JsonNode user = response.json();
        ApiResponse login = browser.post("/api/auth/login")
                .json(Map.of("login", username, "password", PASSWORD))
                .send();
        assertThat(login.status()).as("login %s", login).isEqualTo(200);
        return new Member(
                user.path("id").asLong(),
                username,
                login.json().path("accessToken").asString(),
                browser);
    }

    protected Member register(String prefix) {
        return register(browser(), prefix);
    }

    /** A member with a logged-in browser and an access token for Bearer calls. */
    public record Member(long id, String username, String accessToken, ApiClient browser) {}
}
