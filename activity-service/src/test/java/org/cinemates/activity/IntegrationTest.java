package org.cinemates.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.TestDatabases;
import org.cinemates.platform.test.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Runs activity-service on a random port against this test run's own PostgreSQL database, with
 * user-service replaced by {@link FakeUserService} and tokens signed by {@link TestTokens}. All
 * test classes share one service (and database): each test makes members of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cinemates.security.service-token=" + IntegrationTest.SERVICE_TOKEN,
            // Each outage test starts from "user-service answers".
            "cinemates.activities.users.pause-after-failure=0s",
            "cinemates.activities.users.read-timeout=1s"
        })
public abstract class IntegrationTest {

    public static final String SERVICE_TOKEN = "activity-test-service-token";

    protected static final FakeUserService USERS = FakeUserService.start(SERVICE_TOKEN);
    protected static final TestTokens TOKENS = TestTokens.start();

    /** A moment all test times are counted from. */
    protected static final Instant T0 = Instant.parse("2026-06-01T12:00:00.000001Z");

    private static final AtomicLong IDS = new AtomicLong(1000);

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.postgres("activities"));
        registry.add("spring.datasource.username", TestDatabases::user);
        registry.add("spring.datasource.password", TestDatabases::password);
        registry.add("cinemates.security.jwt.jwks-uri", TOKENS::jwksUri);
        registry.add("cinemates.activities.users.url", USERS::baseUrl);
        registry.add("cinemates.security.revocations.uri", () -> USERS.baseUrl() + "/internal/revocations");
        registry.add("cinemates.security.revocations.poll-interval", () -> "200ms");
    }

    protected ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** A member id no other test uses, known to user-service as user{id} / "User {id}". */
    protected static long member() {
        long id = IDS.incrementAndGet();
        USERS.join(id);
        return id;
    }

    protected static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    protected static String token(long member) {
        return TOKENS.member(member, "user" + member, "USER");
    }

    /** Delivers a batch as a relay does and checks it was acknowledged. */
    protected JsonNode deliverBatch(Map<String, Object> batch) {
        ApiResponse response = api().post("/internal/activities")
                .header("X-Service-Token", SERVICE_TOKEN)
                .json(batch)
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    @SafeVarargs
    protected final JsonNode deliver(Map<String, Object>... events) {
        return deliverBatch(Events.batch(events));
    }

    /** The member's own activity as they see it (newest first, one page of 100). */
    protected JsonNode ownActivity(long member) {
        ApiResponse response = api().get("/api/activities/users/" + member + "?limit=100")
                .bearer(token(member))
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().path("items");
    }

    /** The types of these activities, in order. */
    protected static List<String> types(JsonNode items) {
        return items.valueStream().map(item -> item.path("type").asString()).toList();
    }
}
