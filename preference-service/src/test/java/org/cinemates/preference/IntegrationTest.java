package org.cinemates.preference;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.cinemates.platform.security.CsrfTokens;
import org.cinemates.platform.security.ServiceCredential;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.TestDatabases;
import org.cinemates.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs preference-service on a random port against a PostgreSQL database of this test run, with
 * movie-service, user-service and activity-service replaced by fakes this JVM controls, and talks
 * to it over HTTP. Each test class names its database:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     useDatabase(registry, "ratings");
 * }
 * }</pre>
 *
 * Every test starts with every fake up and every circuit breaker closed. Dependencies get
 * {@link #TIME_LIMIT_MILLIS} to answer, and a breaker opens after four calls of which half failed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cinemates.security.service-token=" + IntegrationTest.SERVICE_TOKEN,
            "spring.datasource.hikari.maximum-pool-size=4",
            "resilience4j.timelimiter.configs.default.timeout-duration=" + IntegrationTest.TIME_LIMIT_MILLIS + "ms",
            "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
            "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
            "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=10m"
        })
public abstract class IntegrationTest {

    public static final String SERVICE_TOKEN = "integration-test-service-token";
    public static final long TIME_LIMIT_MILLIS = 1000;

    protected static final TestTokens TOKENS = TestTokens.start();
    protected static final FakeMovieService MOVIES = new FakeMovieService();
    protected static final FakeUserService USERS = new FakeUserService(SERVICE_TOKEN);
    protected static final FakeActivityService ACTIVITIES = new FakeActivityService(SERVICE_TOKEN);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong MEMBER_IDS = new AtomicLong(5000);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected CircuitBreakerRegistry breakers;

    protected static void useDatabase(DynamicPropertyRegistry registry, String name) {
        registry.add("spring.datasource.url", () -> TestDatabases.postgres(name));
        registry.add("spring.datasource.username", TestDatabases::user);
        registry.add("spring.datasource.password", TestDatabases::password);
        useFakes(registry);
    }

    protected static void useFakes(DynamicPropertyRegistry registry) {
        registry.add("cinemates.security.jwt.jwks-uri", TOKENS::jwksUri);
        registry.add("cinemates.preferences.movies-url", MOVIES::baseUrl);
        registry.add("cinemates.preferences.users-url", USERS::baseUrl);
        registry.add("cinemates.security.revocations.uri", () -> USERS.baseUrl() + "/internal/revocations");
        registry.add("cinemates.security.revocations.poll-interval", () -> "200ms");
        registry.add("cinemates.preferences.deleted-accounts-sweep", () -> "PT0.2S");
        registry.add("cinemates.preferences.activities-url", ACTIVITIES::baseUrl);
        registry.add("cinemates.outbox.destinations.activity-service.url", ACTIVITIES::baseUrl);
    }

    @BeforeEach
    void everythingUp() {
        allUp();
        MOVIES.popular(List.of());
        MOVIES.forgetRequests();
        USERS.forgetRequests();
        ACTIVITIES.forgetRequests();
    }

    /** Every fake up again, and every breaker closed, as after an outage. */
    protected void allUp() {
        MOVIES.up();
        USERS.up();
        ACTIVITIES.up();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    protected ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** A member user-service knows, with an access token for Bearer calls. */
    public record Member(long id, String username, String token) {}

    protected static Member member(String name) {
        long id = MEMBER_IDS.incrementAndGet();
        String username = name.toLowerCase(java.util.Locale.ROOT) + id;
        USERS.register(id, username, "The " + name);
        return new Member(id, username, TOKENS.member(id, username, "USER"));
    }

    /** A browser session of a member: the access token bound to a CSRF token, as user-service issues them. */
    public record Session(String xsrfToken, String cookies) {}

    protected static Session session(Member member) {
        String xsrf = CsrfTokens.generate();
        String token = TestTokens.sign(
                TestTokens.claimsBuilder(member.id(), member.username(), List.of("USER"))
                        .claim(CsrfTokens.CLAIM, CsrfTokens.hash(xsrf))
                        .build(),
                TOKENS.key(),
                "at+jwt");
        return new Session(xsrf, "access_token=" + token + "; XSRF-TOKEN=" + xsrf);
    }

    /** An event waiting in the outbox. */
    public record Event(String type, JsonNode payload) {}

    /** Delivers a batch of events ({@code {events: [...]}}) as user-service's outbox relay does. */
    protected ApiResponse deliver(Map<String, Object> batch) {
        return api().post("/internal/events")
                .header(ServiceCredential.HEADER, SERVICE_TOKEN)
                .json(batch)
                .withoutCsrf()
                .send();
    }

    /** An event of the contract about {@code userId}, as user-service writes it. */
    protected static Map<String, Object> event(String type, long userId, Map<String, Object> fields) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("actorId", userId);
        event.put("occurredAt", "2026-11-25T12:00:00Z");
        Map<String, Object> payload = new LinkedHashMap<>(fields);
        payload.put("userId", userId);
        event.put("payload", payload);
        return event;
    }

    /** The events a member's changes put into the outbox, oldest first. */
    protected List<Event> events(Member member) {
        return jdbc.sql("select event_type, payload from outbox_events where actor_id = :actor order by id")
                .param("actor", member.id())
                .query((rs, row) -> new Event(rs.getString("event_type"), JSON.readTree(rs.getString("payload"))))
                .list();
    }

    protected List<String> eventTypes(Member member) {
        return events(member).stream().map(Event::type).toList();
    }

    /** A rating written straight into the database, bypassing the API (and its movie lookup). */
    protected void storeRating(Member member, long movieId, double score, Instant ratedAt) {
        jdbc.sql("insert into ratings (user_id, movie_id, score, review, rated_at) values (?, ?, ?, null, ?)")
                .params(member.id(), movieId, java.math.BigDecimal.valueOf(score), Timestamp.from(ratedAt))
                .update();
    }

    protected long storedRatings(Member member) {
        return jdbc.sql("select count(*) from ratings where user_id = ?")
                .param(member.id())
                .query(Long.class)
                .single();
    }
}
