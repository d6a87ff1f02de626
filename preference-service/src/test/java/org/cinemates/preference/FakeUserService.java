package org.cinemates.preference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * user-service's internal endpoints as preference-service sees them: {@code GET
 * /internal/users/{id}/friend-ids} and {@code GET /internal/users?ids=} (profiles with their
 * visibility), behind the service
 * credential (see user-service's FriendIdsController and InternalAccountsController).
 */
public final class FakeUserService extends FakeService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String serviceToken;
    private final Map<Long, Map<String, Object>> profiles = new ConcurrentHashMap<>();
    private final Map<Long, String> visibilities = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> friends = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> revocations = new java.util.concurrent.CopyOnWriteArrayList<>();

    FakeUserService(String serviceToken) {
        super("user-service");
        this.serviceToken = serviceToken;
    }

    public void register(long id, String username, String displayName) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", id);
        profile.put("username", username);
        profile.put("displayName", displayName);
        profile.put("bio", "Bio of " + username);
        profiles.put(id, profile);
        visibilities.put(id, "FRIENDS");
    }

    /** Who may see the member's data: PUBLIC, FRIENDS (the default) or PRIVATE, as PATCH /api/users/me sets it. */
    public void visibility(long id, String visibility) {
        visibilities.put(id, visibility);
    }

    /** Deletes the account: its profile is gone, its friendships stay in the test's hands. */
    public void forget(long id) {
        profiles.remove(id);
    }

    /** Publishes a revoked session on the revocation list, as a logout does. */
    public void revokeSession(String sessionId) {
        revocations.add(Map.of(
                "kind",
                "SESSION",
                "subject",
                sessionId,
                "revokedAt",
                java.time.Instant.now().toString(),
                "expiresAt",
                java.time.Instant.now().plusSeconds(960).toString()));
    }

    public void befriend(long a, long b) {
        friends.computeIfAbsent(a, id -> ConcurrentHashMap.newKeySet()).add(b);
        friends.computeIfAbsent(b, id -> ConcurrentHashMap.newKeySet()).add(a);
    }

    @Override
    protected Answer answer(Request request) {
        if (!serviceToken.equals(request.header("X-Service-Token"))) {
            return Answer.problem(401, "unauthenticated", "You need to log in first");
        }
        if (!request.method().equals("GET")) {
            return Answer.problem(405, "method-not-allowed", "Method not allowed");
        }
        String path = request.path();
        if (path.equals("/internal/revocations")) {
            // The whole list each time: the feed applies entries idempotently.
            return Answer.json(JSON.writeValueAsString(
                    Map.of("items", revocations, "asOf", java.time.Instant.now().toString())));
        }
        if (path.startsWith("/internal/users/") && path.endsWith("/friend-ids")) {
            long id =
                    Long.parseLong(path.substring("/internal/users/".length(), path.length() - "/friend-ids".length()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("userId", id);
            body.put("friendIds", new TreeSet<>(friends.getOrDefault(id, Set.of())));
            return Answer.json(JSON.writeValueAsString(body));
        }
        String ids = request.param("ids");
        if (path.equals("/internal/users/visibilities") && ids != null) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (String part : ids.split(",")) {
                long id = Long.parseLong(part.strip());
                if (profiles.containsKey(id)) {
                    items.add(Map.of("userId", id, "visibility", visibilities.getOrDefault(id, "FRIENDS")));
                }
            }
            return Answer.json(JSON.writeValueAsString(Map.of("items", items)));
        }
        if (path.equals("/internal/users") && ids != null) {
            String[] parts = ids.split(",");
            if (parts.length > 500) {
                return Answer.problem(400, "validation", "ids: size must be between 0 and 500");
            }
            List<Map<String, Object>> items = new ArrayList<>();
            for (String part : parts) {
                long id = Long.parseLong(part.strip());
                Map<String, Object> profile = profiles.get(id);
                if (profile != null) {
                    Map<String, Object> item = new LinkedHashMap<>(profile);
                    item.put("visibility", visibilities.getOrDefault(id, "FRIENDS"));
                    items.add(item);
                }
            }
            return Answer.json(JSON.writeValueAsString(Map.of("items", items)));
        }
        return Answer.problem(404, "not-found", "Not Found");
    }
}
