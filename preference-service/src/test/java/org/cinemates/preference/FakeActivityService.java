package org.cinemates.preference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cinemates.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * activity-service's feed as preference-service sees it: {@code GET
 * /api/activities/feed?limit=} for the member whose Bearer token comes with it, answering
 * {@code {items: [activity], nextCursor}}.
 */
public final class FakeActivityService extends FakeService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String serviceToken;
    private final Map<Long, List<Map<String, Object>>> feeds = new ConcurrentHashMap<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    FakeActivityService(String serviceToken) {
        super("activity-service");
        this.serviceToken = serviceToken;
    }

    /** Every event relayed to {@code POST /internal/activities} so far, in order of arrival. */
    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** What the member's friends did, newest first. */
    public void feed(long memberId, List<Map<String, Object>> activities) {
        feeds.put(memberId, List.copyOf(activities));
    }

    /** An activity as activity-service describes it. */
    public static Map<String, Object> activity(
            long id, String type, long actorId, String actorName, Map<String, Object> details) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("id", id);
        activity.put("type", type);
        activity.put("actor", Map.of("id", actorId, "username", actorName, "displayName", "The " + actorName));
        activity.putAll(details);
        activity.put("createdAt", "2026-11-25T15:00:00.123456Z");
        return activity;
    }

    @Override
    protected Answer answer(Request request) {
        if (request.path().equals("/internal/activities")) {
            return ingest(request);
        }
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Answer.problem(401, "unauthenticated", "You need to log in first");
        }
        if (!request.path().equals("/api/activities/feed")) {
            return Answer.problem(404, "not-found", "Not Found");
        }
        long member = Long.parseLong(TestTokens.payload(authorization.substring("Bearer ".length()))
                .path("sub")
                .asString());
        String limit = request.param("limit");
        int size = limit != null ? Integer.parseInt(limit) : 20;
        List<Map<String, Object>> items =
                feeds.getOrDefault(member, List.of()).stream().limit(size).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextCursor", null);
        return Answer.json(JSON.writeValueAsString(body));
    }

    private Answer ingest(Request request) {
        if (!serviceToken.equals(request.header("X-Service-Token"))) {
            return Answer.problem(401, "unauthenticated", "You need to log in first");
        }
        if (!request.method().equals("POST")) {
            return Answer.problem(405, "method-not-allowed", "Method not allowed");
        }
        JsonNode events = JSON.readTree(request.body()).path("events");
        events.forEach(received::add);
        return Answer.json("{\"stored\":" + events.size() + ",\"duplicates\":0,\"ignored\":0}");
    }
}
