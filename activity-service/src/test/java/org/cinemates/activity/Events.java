package org.cinemates.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cinemates.platform.events.AccountDeleted;
import org.cinemates.platform.events.Befriended;
import org.cinemates.platform.events.CinematesEvent;
import org.cinemates.platform.events.DeliveredEvent;
import org.cinemates.platform.events.EventJson;
import org.cinemates.platform.events.Joined;
import org.cinemates.platform.events.Logged;
import org.cinemates.platform.events.ProfileUpdated;
import org.cinemates.platform.events.Rated;
import org.cinemates.platform.events.RatingDeleted;
import org.cinemates.platform.events.Reviewed;
import org.cinemates.platform.events.Unfriended;
import org.cinemates.platform.events.WatchlistRemoved;
import org.cinemates.platform.events.Watchlisted;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events as the other services' relays deliver them: the contract's records in their envelope
 * ({@link EventJson#write(DeliveredEvent)}), as maps a test may still break on purpose.
 */
public final class Events {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private Events() {}

    public static Map<String, Object> batch(List<Map<String, Object>> events) {
        return Map.of("events", events);
    }

    @SafeVarargs
    public static Map<String, Object> batch(Map<String, Object>... events) {
        return batch(List.of(events));
    }

    /** A record of the contract as delivered, with a new event id. */
    public static Map<String, Object> event(CinematesEvent payload, Instant occurredAt) {
        return JSON.readValue(EventJson.write(DeliveredEvent.of(payload, occurredAt)), MAP);
    }

    /** An event of any type with any payload (the actor's {@code userId} added), for what no record can be. */
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
        return event(new Joined(user, username, displayName), at);
    }

    public static Map<String, Object> profileUpdated(long user, String username, String displayName, Instant at) {
        return event(new ProfileUpdated(user, username, displayName), at);
    }

    public static Map<String, Object> befriended(long user, long friend, Instant at) {
        return event(new Befriended(user, friend), at);
    }

    public static Map<String, Object> unfriended(long user, long friend, Instant at) {
        return event(new Unfriended(user, friend), at);
    }

    public static Map<String, Object> accountDeleted(long user, Instant at) {
        return event(new AccountDeleted(user), at);
    }

    public static Map<String, Object> rated(long user, long movie, double score, Instant at) {
        return event(new Rated(user, movie, BigDecimal.valueOf(score)), at);
    }

    public static Map<String, Object> reviewed(long user, long movie, double score, String review, Instant at) {
        return event(new Reviewed(user, movie, BigDecimal.valueOf(score), review), at);
    }

    public static Map<String, Object> logged(
            long user, long movie, long entry, double score, String review, boolean rewatch, Instant at) {
        return event(
                new Logged(
                        user,
                        movie,
                        entry,
                        java.time.LocalDate.parse("2026-11-20"),
                        BigDecimal.valueOf(score),
                        review,
                        rewatch,
                        false),
                at);
    }

    public static Map<String, Object> ratingDeleted(long user, long movie, Instant at) {
        return event(new RatingDeleted(user, movie), at);
    }

    public static Map<String, Object> watchlisted(long user, long movie, Instant at) {
        return event(new Watchlisted(user, movie), at);
    }

    public static Map<String, Object> listed(long user, long list, String name, String visibility, Instant at) {
        return event(new org.cinemates.platform.events.Listed(user, list, name, visibility, 3), at);
    }

    public static Map<String, Object> watchlistRemoved(long user, long movie, Instant at) {
        return event(new WatchlistRemoved(user, movie), at);
    }
}
