package org.cinemates.activity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for user-service's internal endpoints, answering exactly as it does:
 *
 * <ul>
 *   <li>{@code GET /internal/users/{id}/friend-ids} → {@code {userId, friendIds}}, 404 problem for
 *       an unknown member;
 *   <li>{@code GET /internal/users?ids=1,2,3} → {@code {items: [{id, username, displayName, bio}]}},
 *       unknown ids left out.
 * </ul>
 *
 * Both need the service token. Tests make members, friendships and outages.
 */
public final class FakeUserService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FRIEND_IDS = Pattern.compile("/internal/users/(\\d+)/friend-ids");

    private record Member(long id, String username, String displayName) {}

    private final String serviceToken;
    private final Map<Long, Member> members = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> friends = new ConcurrentHashMap<>();
    private final Map<Long, String> visibilities = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> revocations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<Long, AtomicInteger> friendIdCalls = new ConcurrentHashMap<>();
    private final AtomicInteger profileCalls = new AtomicInteger();
    private final List<String> profileQueries = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int failWith;
    private final int port;
    private @Nullable HttpServer server;

    private FakeUserService(String serviceToken, int port) {
        this.serviceToken = serviceToken;
        this.server = serve(port);
        this.port = this.server.getAddress().getPort();
    }

    public static FakeUserService start(String serviceToken) {
        return new FakeUserService(serviceToken, 0);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A member user-service knows. */
    public void join(long id, String username, String displayName) {
        members.put(id, new Member(id, username, displayName));
        friends.putIfAbsent(id, ConcurrentHashMap.newKeySet());
    }

    public void join(long id) {
        join(id, "user" + id, "User " + id);
    }

    /** Publishes a revoked session on the revocation list, as a logout does. */
    public void revokeSession(String sessionId) {
        revocations.add(Map.of(
                "kind",
                "SESSION",
                "subject",
                sessionId,
                "revokedAt",
                Instant.now().toString(),
                "expiresAt",
                Instant.now().plusSeconds(960).toString()));
    }

    /** Publishes a deleted member: every token issued until now is refused. */
    public void revokeMember(long id) {
        revocations.add(Map.of(
                "kind", "SUBJECT",
                "subject", Long.toString(id),
                "revokedAt", Instant.now().toString(),
                "expiresAt", Instant.now().plusSeconds(960).toString()));
    }

    /** Who may see the member's activity: PUBLIC, FRIENDS (the default) or PRIVATE. */
    public void visibility(long id, String visibility) {
        visibilities.put(id, visibility);
    }

    public void befriend(long a, long b) {
        friends.computeIfAbsent(a, key -> ConcurrentHashMap.newKeySet()).add(b);
        friends.computeIfAbsent(b, key -> ConcurrentHashMap.newKeySet()).add(a);
    }

    public void unfriend(long a, long b) {
        drop(a, b);
        drop(b, a);
    }

    public void leave(long id) {
        members.remove(id);
        Set<Long> theirs = friends.remove(id);
        if (theirs != null) {
            theirs.forEach(friend -> drop(friend, id));
        }
    }

    private void drop(long member, long friend) {
        Set<Long> theirs = friends.get(member);
        if (theirs != null) {
            theirs.remove(friend);
        }
    }

    public int friendIdCalls(long id) {
        AtomicInteger calls = friendIdCalls.get(id);
        return calls == null ? 0 : calls.get();
    }

    public int profileCalls() {
        return profileCalls.get();
    }

    /** The {@code ids} parameters of the profile calls so far. */
    public List<String> profileQueries() {
        return List.copyOf(profileQueries);
    }

    /** Every answer is this server error until {@link #recover()}. */
    public void failWith(int status) {
        failWith = status;
    }

    public void recover() {
        failWith = 0;
    }

    /** Stops listening: connections are refused until {@link #comeBack()}. */
    public synchronized void goDown() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void comeBack() {
        if (server == null) {
            server = serve(port);
        }
    }

    private HttpServer serve(int onPort) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            http.createContext("/internal/users", this::handle);
            http.createContext("/internal/revocations", this::handle);
            http.setExecutor(Executors.newCachedThreadPool());
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (failWith != 0) {
                send(exchange, failWith, problem(failWith, "internal", "Something went wrong"));
                return;
            }
            if (!serviceToken.equals(exchange.getRequestHeaders().getFirst("X-Service-Token"))) {
                send(exchange, 401, problem(401, "unauthenticated", "Service credential required"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/internal/revocations")) {
                // The whole list each time: the feed applies entries idempotently.
                send(
                        exchange,
                        200,
                        Map.of("items", revocations, "asOf", Instant.now().toString()));
                return;
            }
            Matcher friendIds = FRIEND_IDS.matcher(path);
            if (friendIds.matches()) {
                long id = Long.parseLong(friendIds.group(1));
                friendIdCalls.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                Set<Long> theirs = friends.get(id);
                if (theirs == null) {
                    send(exchange, 404, problem(404, "user-not-found", "No user " + id));
                    return;
                }
                send(exchange, 200, Map.of("userId", id, "friendIds", new ArrayList<>(new TreeSet<>(theirs))));
                return;
            }
            if (path.equals("/internal/users/visibilities")) {
                String query = exchange.getRequestURI().getQuery();
                String ids = query != null && query.startsWith("ids=") ? query.substring(4) : "";
                List<Map<String, Object>> items = new ArrayList<>();
                for (String id : ids.split(",")) {
                    Member member = id.isBlank() ? null : members.get(Long.parseLong(id));
                    if (member != null) {
                        items.add(Map.of(
                                "userId",
                                member.id(),
                                "visibility",
                                visibilities.getOrDefault(member.id(), "FRIENDS")));
                    }
                }
                send(exchange, 200, Map.of("items", items));
                return;
            }
            if (path.equals("/internal/users")) {
                profileCalls.incrementAndGet();
                String query = exchange.getRequestURI().getQuery();
                String ids = query != null && query.startsWith("ids=") ? query.substring(4) : "";
                profileQueries.add(ids);
                List<Map<String, Object>> items = new ArrayList<>();
                for (String id : ids.split(",")) {
                    Member member = id.isBlank() ? null : members.get(Long.parseLong(id));
                    if (member != null) {
                        items.add(Map.of(
                                "id", member.id(),
                                "username", member.username(),
                                "displayName", member.displayName(),
                                "bio", ""));
                    }
                }
                send(exchange, 200, Map.of("items", items));
                return;
            }
            send(exchange, 404, problem(404, "not-found", "No such endpoint"));
        }
    }

    private static Map<String, Object> problem(int status, String slug, String detail) {
        return Map.of("type", "urn:cinemates:problem:" + slug, "title", slug, "status", status, "detail", detail);
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
