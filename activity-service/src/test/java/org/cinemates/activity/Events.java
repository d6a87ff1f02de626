package org.cinemates.activity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events as the other services' relays deliver them (the contract in the README). */
public final class Events {

    private Events() {}

    public static Map<String, Object> batch(List<Map<String, Object>> events) {
        return Map.of("events", events);
    }

    @SafeVarargs
    public static Map<String, Object> batch(Map<String, Object>... events) {
        return batch(List.of(events));
    }

    public static Map<String, Object> event(
            String type, long actorId, Instant occurredAt, Map<String, Object> payload) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("actorId", actorId);
        event.put("occurredAt", occurredAt.toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", actorId);
        body.putAll(payload);
        event.put("payload", body);
        return event;
    }

    public static Map<String, Object> joined(long user, String username, String displayName, Instant at) {
        return event("JOINED", user, at, Map.of("username", username, "displayName", displayName));
    }

    public static Map<String, Object> profileUpdated(long user, String username, String displayName, Instant at) {
        return event("PROFILE_UPDATED", user, at, Map.of("username", username, "displayName", displayName));
    }

    public static Map<String, Object> befriended(long user, long friend, Instant at) {
        return event("BEFRIENDED", user, at, Map.of("friendId", friend));
    }

    public static Map<String, Object> unfriended(long user, long friend, Instant at) {
        return event("UNFRIENDED", user, at, Map.of("friendId", friend));
    }

    public static Map<String, Object> accountDeleted(long user, Instant at) {
        return event("ACCOUNT_DELETED", user, at, Map.of());
    }

    public static Map<String, Object> rated(long user, long movie, double score, Instant at) {
        return event("RATED", user, at, Map.of("movieId", movie, "score", score));
    }

    public static Map<String, Object> reviewed(long user, long movie, double score, String review, Instant at) {
        return event("REVIEWED", user, at, Map.of("movieId", movie, "score", score, "review", review));
    }

    public static Map<String, Object> ratingDeleted(long user, long movie, Instant at) {
        return event("RATING_DELETED", user, at, Map.of("movieId", movie));
    }

    public static Map<String, Object> watchlisted(long user, long movie, Instant at) {
        return event("WATCHLISTED", user, at, Map.of("movieId", movie));
    }

    public static Map<String, Object> watchlistRemoved(long user, long movie, Instant at) {
        return event("WATCHLIST_REMOVED", user, at, Map.of("movieId", movie));
    }
}
