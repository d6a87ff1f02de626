package org.cinemates.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.cinemates.platform.events.AccountDeleted;
import org.cinemates.platform.events.Befriended;
import org.cinemates.platform.events.CinematesEvent;
import org.cinemates.platform.events.DeliveredEvent;
import org.cinemates.platform.events.EventJson;
import org.cinemates.platform.events.InvalidEvent;
import org.cinemates.platform.events.Joined;
import org.cinemates.platform.events.Logged;
import org.cinemates.platform.events.ProfileUpdated;
import org.cinemates.platform.events.Rated;
import org.cinemates.platform.events.RatingDeleted;
import org.cinemates.platform.events.Reviewed;
import org.cinemates.platform.events.Unfriended;
import org.cinemates.platform.events.WatchlistRemoved;
import org.cinemates.platform.events.Watchlisted;
import org.cinemates.platform.http.ServiceClients;
import org.cinemates.platform.http.ServiceEndpoint;
import org.cinemates.platform.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay against a real PostgreSQL outbox and a stand-in for activity-service's ingest
 * endpoint that records every event id it is sent.
 */
class OutboxRelayIT {

    static final String SERVICE_TOKEN = "relay-test-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static HikariDataSource dataSource;
    static JdbcClient jdbc;

    HttpServer activityService;
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> tokens = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    volatile int answerStatus = 200;
    volatile int maxDelayMillis = 0;
    final List<OutboxRelay> relays = new ArrayList<>();

    @BeforeAll
    static void database() {
        // Pooled, as in the services: a connection opened per transaction made appending the
        // 1,500 events of one test alone take most of a minute.
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(TestDatabases.postgres("outbox_relay"));
        dataSource.setUsername(TestDatabases.user());
        dataSource.setPassword(TestDatabases.password());
        dataSource.setMaximumPoolSize(8);
        jdbc = JdbcClient.create(dataSource);
        OutboxSchema.create(jdbc);
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    @BeforeEach
    void activityService() throws IOException {
        jdbc.sql("truncate outbox_events").update();
        activityService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        activityService.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        activityService.createContext("/internal/activities", exchange -> {
            requests.incrementAndGet();
            tokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Service-Token")));
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (maxDelayMillis > 0) {
                sleep(ThreadLocalRandom.current().nextInt(maxDelayMillis));
            }
            int status = answerStatus;
            if (status == 200) {
                for (JsonNode event : body.get("events")) {
                    received.add(event.get("eventId").asString());
                }
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        activityService.start();
    }

    @AfterEach
    void stop() {
        relays.forEach(OutboxRelay::stop);
        activityService.stop(0);
    }

    @Test
    void twoRelaysOnOneOutboxDeliverEveryEventExactlyOnce() {
        List<UUID> written = appendEvents(1500);
        maxDelayMillis = 20;
        OutboxRelay first = relay(settings(50, Duration.ofMillis(50)));
        OutboxRelay second = relay(settings(50, Duration.ofMillis(50)));
        first.start();
        second.start();

        awaitBacklog(first, 0, Duration.ofSeconds(60));

        assertThat(received).hasSize(written.size());
        assertThat(new HashSet<>(received)).hasSize(written.size());
        assertThat(received)
                .containsExactlyInAnyOrderElementsOf(
                        written.stream().map(UUID::toString).toList());
        assertThat(first.deliveredCount()).as("first relay").isPositive();
        assertThat(second.deliveredCount()).as("second relay").isPositive();
        assertThat(first.deliveredCount() + second.deliveredCount()).isEqualTo(written.size());
        assertThat(tokens).containsOnly(SERVICE_TOKEN);
    }

    @Test
    void eventsStayPendingWhileActivityServiceFailsAndGoOutInOrderWhenItIsBack() {
        List<UUID> written = appendEvents(30);
        OutboxRelay relay = relay(settings(10, Duration.ofSeconds(30)));
        answerStatus = 503;

        assertThatThrownBy(relay::deliverBatch).isInstanceOf(OutboxRelay.DeliveryFailed.class);
        assertThatThrownBy(relay::deliverBatch).isInstanceOf(OutboxRelay.DeliveryFailed.class);

        assertThat(relay.backlog()).isEqualTo(30);
        assertThat(received).isEmpty();
        assertThat(jdbc.sql("select max(attempts) from outbox_events")
                        .query(Integer.class)
                        .single())
                .as("attempts are recorded though the round rolled back")
                .isEqualTo(2);

        answerStatus = 200;
        while (relay.deliverBatch() > 0) {
            // drain
        }
        assertThat(relay.backlog()).isZero();
        assertThat(received)
                .containsExactlyElementsOf(written.stream().map(UUID::toString).toList());
    }

    @Test
    void unreachableActivityServiceIsAFailureNotALoss() {
        appendEvents(5);
        OutboxRelay relay = relay(settings(10, Duration.ofSeconds(30)));
        activityService.stop(0);

        assertThatThrownBy(relay::deliverBatch).isInstanceOf(OutboxRelay.DeliveryFailed.class);
        assertThat(relay.backlog()).isEqualTo(5);
    }

    @Test
    void aCommitWakesTheRelayWithoutWaitingForItsPoll() {
        OutboxRelay relay = relay(settings(100, Duration.ofMinutes(5)));
        relay.start();
        sleep(300); // the relay has looked once and now waits for up to five minutes

        var outbox =
                new Outbox(jdbc, Clock.systemUTC(), new OutboxDestinations(Map.of()), EventTraces.NONE, relay::wake);
        UUID id = new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                .execute(status -> outbox.append(new Rated(7, 1, new BigDecimal("4.5"))));

        awaitBacklog(relay, 0, Duration.ofSeconds(5));
        assertThat(received).containsExactly(String.valueOf(id));
    }

    @Test
    void theEnvelopeCarriesTypeActorTimeAndThePayloadAsJson() throws Exception {
        var bodies = new CopyOnWriteArrayList<JsonNode>();
        activityService.removeContext("/internal/activities");
        activityService.createContext("/internal/activities", exchange -> {
            bodies.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        appendEvents(1);

        relay(settings(10, Duration.ofSeconds(30))).deliverBatch();

        JsonNode event = bodies.get(0).get("events").get(0);
        assertThat(event.get("type").asString()).isEqualTo("RATED");
        assertThat(event.get("actorId").asLong()).isEqualTo(42);
        assertThat(event.get("payload").get("score").asDouble()).isEqualTo(3.5);
        assertThat(java.time.Instant.parse(event.get("occurredAt").asString())).isNotNull();
    }

    @Test
    void everyEventAppendedIsReadBackByTheConsumerAsTheSameRecord() throws Exception {
        var delivered = new CopyOnWriteArrayList<DeliveredEvent>();
        var invalid = new CopyOnWriteArrayList<String>();
        activityService.removeContext("/internal/activities");
        activityService.createContext("/internal/activities", exchange -> {
            for (JsonNode event :
                    JSON.readTree(exchange.getRequestBody().readAllBytes()).get("events")) {
                try {
                    delivered.add(EventJson.read(event));
                } catch (InvalidEvent e) {
                    invalid.add(e.reason());
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        List<CinematesEvent> appended = List.of(
                new Joined(3, "ann", "Ann"),
                new ProfileUpdated(3, "ann", "Ann A."),
                new Befriended(3, 4),
                new Unfriended(4, 3),
                new Rated(3, 7, new BigDecimal("4.5")),
                new Reviewed(3, 7, new BigDecimal("2.0"), "Grew on me"),
                new RatingDeleted(3, 7),
                new Watchlisted(3, 8),
                new WatchlistRemoved(3, 8),
                new Logged(3, 9, 5, java.time.LocalDate.parse("2026-11-01"), new BigDecimal("4.5"), null, true, true),
                new org.cinemates.platform.events.Listed(3, 2, "Noir", "PUBLIC", 4),
                new org.cinemates.platform.events.ListWithdrawn(3, 2),
                new org.cinemates.platform.events.FriendRequested(3, 4, 9),
                new org.cinemates.platform.events.Recommended(3, 4, 7, null),
                new AccountDeleted(4));
        assertThat(appended)
                .extracting(CinematesEvent::type)
                .as("one of each type")
                .containsExactlyInAnyOrderElementsOf(EventJson.types());
        var outbox = new Outbox(jdbc, Clock.systemUTC());
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        List<UUID> ids = new ArrayList<>();
        for (CinematesEvent event : appended) {
            ids.add(transactions.execute(status -> outbox.append(event)));
        }

        relay(settings(50, Duration.ofSeconds(30))).deliverBatch();

        assertThat(invalid).isEmpty();
        assertThat(delivered).extracting(DeliveredEvent::payload).containsExactlyElementsOf(appended);
        assertThat(delivered).extracting(DeliveredEvent::eventId).containsExactlyElementsOf(ids);
        assertThat(delivered)
                .allSatisfy(event ->
                        assertThat(event.actorId()).isEqualTo(event.payload().userId()));
    }

    @Test
    void backoffGrowsExponentiallyUpToItsCeiling() {
        OutboxRelay relay = relay(settings(10, Duration.ofSeconds(1)));
        assertThat(relay.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(relay.backoff(4)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        assertThat(relay.backoff(50)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    private OutboxRelaySettings settings(int batchSize, Duration poll) {
        return new OutboxRelaySettings(
                true, batchSize, poll, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofDays(7));
    }

    private OutboxRelay relay(OutboxRelaySettings settings) {
        return relay(settings, OutboxDestinations.DEFAULT);
    }

    private OutboxRelay relay(OutboxRelaySettings settings, String destination) {
        RestClient client = new ServiceClients(RestClient.builder(), SERVICE_TOKEN)
                .restClient(new ServiceEndpoint(
                        "activity-service", baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(5)));
        var relay = new OutboxRelay(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                client,
                destination,
                destination.equals(OutboxDestinations.DEFAULT) ? "/internal/activities" : "/internal/events",
                JSON,
                Clock.systemUTC(),
                settings,
                EventTraces.NONE);
        relays.add(relay);
        return relay;
    }

    @Test
    void eachDestinationGetsTheTypesItTakesAndOneThatIsDownDelaysOnlyItself() {
        var outbox = new Outbox(
                jdbc,
                Clock.systemUTC(),
                new OutboxDestinations(Map.of(
                        "activity-service",
                        new OutboxDestinations.Destination(baseUrl(), "/internal/activities", Set.of()),
                        "preference-service",
                        new OutboxDestinations.Destination(baseUrl(), "/internal/events", Set.of("ACCOUNT_DELETED")))),
                EventTraces.NONE,
                () -> {});
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        UUID rated = transactions.execute(status -> outbox.append(new Rated(5, 1, new BigDecimal("4.0"))));
        UUID deleted = transactions.execute(status -> outbox.append(new AccountDeleted(5)));
        var preferences = new CopyOnWriteArrayList<String>();
        activityService.createContext("/internal/events", exchange -> {
            JSON.readTree(exchange.getRequestBody().readAllBytes())
                    .get("events")
                    .forEach(e -> preferences.add(e.get("eventId").asString()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        OutboxRelay toActivities = relay(settings(10, Duration.ofSeconds(30)), "activity-service");
        OutboxRelay toPreferences = relay(settings(10, Duration.ofSeconds(30)), "preference-service");

        answerStatus = 503; // activity-service is down; preference-service is not
        assertThatThrownBy(toActivities::deliverBatch).isInstanceOf(OutboxRelay.DeliveryFailed.class);
        assertThat(toPreferences.deliverBatch()).isEqualTo(1);
        assertThat(preferences).containsExactly(String.valueOf(deleted));
        assertThat(toActivities.backlog()).isEqualTo(2);

        answerStatus = 200;
        assertThat(toActivities.deliverBatch()).isEqualTo(2);
        assertThat(received).containsExactly(String.valueOf(rated), String.valueOf(deleted));
        assertThat(toPreferences.backlog()).isZero();
    }

    private URI baseUrl() {
        return URI.create("http://127.0.0.1:" + activityService.getAddress().getPort());
    }

    private List<UUID> appendEvents(int count) {
        var outbox = new Outbox(jdbc, Clock.systemUTC());
        List<UUID> ids = new ArrayList<>();
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        for (int i = 0; i < count; i++) {
            int movie = i + 1;
            ids.add(transactions.execute(status -> outbox.append(new Rated(42, movie, new BigDecimal("3.5")))));
        }
        return Collections.unmodifiableList(ids);
    }

    private static void awaitBacklog(OutboxRelay relay, long expected, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (relay.backlog() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("backlog is " + relay.backlog() + ", expected " + expected);
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
