package org.cinemates.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;

class ServiceClientsTest {

    interface Friends {
        record FriendIds(long userId, java.util.List<Long> friendIds) {}

        @GetExchange("/internal/users/{id}/friend-ids")
        FriendIds friendIds(@PathVariable long id);
    }

    /** How long the slow answer would take: far beyond the client's 2 s read timeout. */
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(30);

    /** Calls made at once by {@link #manyCallsAtOnceEachHaveAConnectionOfTheirOwn}. */
    private static final int AT_ONCE = 40;

    private final Map<String, String> seenHeaders = new ConcurrentHashMap<>();
    private final Map<String, Integer> asked = new ConcurrentHashMap<>();
    private final CountDownLatch atOnce = new CountDownLatch(AT_ONCE);
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/users/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            seenHeaders.put("token", String.valueOf(exchange.getRequestHeaders().getFirst("X-Service-Token")));
            if (path.contains("/7/")) {
                sleep(SLOW_ANSWER);
            }
            boolean allHere = true;
            if (path.contains("/9/")) {
                // Answers once every one of the calls made at once is here, or fails after 1.5 s.
                atOnce.countDown();
                allHere = await(atOnce);
            }
            asked.merge(path, 1, Integer::sum);
            int status = path.contains("/5/") || !allHere
                    ? 500
                    : path.contains("/3/") ? 503 : path.contains("/4/") ? 404 : 200;
            byte[] body =
                    (status == 200 ? "{\"userId\":1,\"friendIds\":[2,3]}" : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Friends client(String baseUrl) {
        var clients = new ServiceClients(RestClient.builder(), "the-service-token");
        return clients.create(
                Friends.class,
                new ServiceEndpoint("user-service", URI.create(baseUrl), Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void callsTheOtherServiceWithTheServiceCredential() {
        assertThat(client(base()).friendIds(1).friendIds()).containsExactly(2L, 3L);
        assertThat(seenHeaders.get("token")).isEqualTo("the-service-token");
    }

    @Test
    void aSlowServiceIsUnavailableAfterTheReadTimeout() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> client(base()).friendIds(7))
                .isInstanceOf(DependencyUnavailable.class)
                .hasMessageContaining("user-service");
        // The answer would take 30 s; giving up after the 2 s read timeout is what is tested, with
        // room for a machine loaded by the other modules' tests (a build once took 8.3 s here).
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SLOW_ANSWER.dividedBy(2));
    }

    @Test
    void serverErrorsMeanUnavailable() {
        assertThatThrownBy(() -> client(base()).friendIds(5)).isInstanceOf(DependencyUnavailable.class);
    }

    @Test
    void anOverloadedServiceIsUnavailableAndNotAskedAgain() {
        assertThatThrownBy(() -> client(base()).friendIds(3)).isInstanceOf(DependencyUnavailable.class);
        assertThat(asked).containsExactly(Map.entry("/internal/users/3/friend-ids", 1));
    }

    @Test
    void aServiceThatIsDownIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> client("http://127.0.0.1:" + closedPort).friendIds(1))
                .isInstanceOf(DependencyUnavailable.class);
    }

    @Test
    void clientErrorsAreLeftToTheCaller() {
        assertThatThrownBy(() -> client(base()).friendIds(4)).isInstanceOf(HttpClientErrorException.NotFound.class);
    }

    @Test
    void manyCallsAtOnceEachHaveAConnectionOfTheirOwn() {
        Friends friends = client(base());
        // A pool of a few connections per service would hold all but a few of these back until
        // the first ones had their answers, which wait for every call to have arrived.
        ExecutorService calls = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<Friends.FriendIds>> answers = new ArrayList<>();
            for (int k = 0; k < AT_ONCE; k++) {
                answers.add(calls.submit(() -> friends.friendIds(9)));
            }
            for (Future<Friends.FriendIds> answer : answers) {
                assertThat(answer).succeedsWithin(Duration.ofSeconds(10));
            }
        } finally {
            calls.shutdownNow();
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(1500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
