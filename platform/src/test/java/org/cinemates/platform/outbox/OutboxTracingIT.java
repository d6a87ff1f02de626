package org.cinemates.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cinemates.platform.PlatformTestApplication;
import org.cinemates.platform.events.Rated;
import org.cinemates.platform.test.TestDatabases;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox as a service gets it (tracing on, the relay delivering to a stand-in for
 * activity-service): an event travels in the trace of the request that wrote it.
 */
@SpringBootTest(
        classes = PlatformTestApplication.class,
        properties = {
            "spring.sql.init.mode=always",
            "spring.sql.init.schema-locations=classpath:" + OutboxSchema.RESOURCE,
            "cinemates.security.service-token=tracing-test-token",
            "cinemates.security.jwt.jwks-uri=http://127.0.0.1:1/api/auth/jwks.json",
            "cinemates.outbox.relay.poll-interval=100ms",
            "cinemates.outbox.relay.min-backoff=20ms",
            "cinemates.outbox.relay.max-backoff=100ms"
        })
@ExtendWith(OutputCaptureExtension.class)
class OutboxTracingIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();
    static volatile int answerStatus = 200;
    static final HttpServer ACTIVITY_SERVICE = activityService();

    /** A batch the stand-in acknowledged, and the traceparent header it came with. */
    record Delivery(@Nullable String traceparent, JsonNode events) {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.postgres("outbox_tracing"));
        registry.add("spring.datasource.username", TestDatabases::user);
        registry.add("spring.datasource.password", TestDatabases::password);
        registry.add(
                "cinemates.outbox.destinations.activity-service.url",
                () -> "http://127.0.0.1:" + ACTIVITY_SERVICE.getAddress().getPort());
    }

    @Autowired
    Outbox outbox;

    @Autowired
    Tracer tracer;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void answerAgain() {
        answerStatus = 200;
    }

    @Test
    void anEventIsDeliveredInTheTraceOfTheRequestThatWroteIt() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Written written = appendWithin(traceId);

        Delivery delivery = deliveryOf(written.eventId());

        assertThat(delivery.events().get(0).path("traceparent").asString())
                .as("the event carries the context it was written in")
                .isEqualTo(written.traceparent());
        assertThat(delivery.traceparent())
                .as("the request is the relay's own span, in the event's trace")
                .startsWith("00-" + traceId + "-")
                .isNotEqualTo(written.traceparent());
    }

    @Test
    void anEventWrittenOutsideATraceGoesWithoutOneAndItsDeliveryStartsATrace() {
        UUID eventId = append();

        Delivery delivery = deliveryOf(eventId);

        assertThat(delivery.events().get(0).has("traceparent")).isFalse();
        assertThat(delivery.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void aFailedDeliveryIsLoggedWithTheTraceIdOfTheEventItHoldsUp(CapturedOutput output) {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        answerStatus = 503;
        Written written = appendWithin(traceId);

        String warning = await(() -> output.getOut()
                .lines()
                .filter(line -> line.contains("Outbox relay could not deliver"))
                .findFirst()
                .orElse(null));
        answerStatus = 200;

        assertThat(warning).contains(traceId);
        assertThat(deliveryOf(written.eventId())
                        .events()
                        .get(0)
                        .path("traceparent")
                        .asString())
                .isEqualTo(written.traceparent());
    }

    record Written(UUID eventId, String traceparent) {}

    /** Appends an event inside a span of the trace {@code traceId}, as a request handler would. */
    private Written appendWithin(String traceId) {
        Span request = tracer.spanBuilder()
                .setParent(tracer.traceContextBuilder()
                        .traceId(traceId)
                        .spanId("00f067aa0ba902b7")
                        .sampled(true)
                        .build())
                .name("request")
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            return new Written(
                    append(), "00-" + traceId + "-" + request.context().spanId() + "-01");
        } finally {
            request.end();
        }
    }

    private UUID append() {
        return Objects.requireNonNull(new TransactionTemplate(transactionManager)
                .execute(status -> outbox.append(new Rated(42, 1, new BigDecimal("4.0")))));
    }

    private static Delivery deliveryOf(UUID eventId) {
        return await(() -> DELIVERIES.stream()
                .filter(d -> d.events()
                        .valueStream()
                        .anyMatch(e -> e.path("eventId").asString().equals(eventId.toString())))
                .findFirst()
                .orElse(null));
    }

    private static <T> T await(Supplier<@Nullable T> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T value;
        while ((value = condition.get()) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            sleep(20);
        }
        return value;
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpServer activityService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/activities", exchange -> {
                JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                int status = answerStatus;
                if (status == 200) {
                    DELIVERIES.add(
                            new Delivery(exchange.getRequestHeaders().getFirst("traceparent"), body.path("events")));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
