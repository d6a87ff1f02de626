package org.cinemates.platform.outbox;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cinemates.platform.events.EventJson;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services a service's events go to ({@code cinemates.outbox.destinations.<name>.*}). Each
 * event is stored once per destination that takes its type and delivered to each independently,
 * so a destination that is down delays only itself.
 *
 * <pre>
 * cinemates.outbox.destinations:
 *   activity-service:
 *     url: http://127.0.0.1:8083
 *     path: /internal/activities
 *   preference-service:
 *     url: http://127.0.0.1:8084
 *     path: /internal/events
 *     types: ACCOUNT_DELETED
 * </pre>
 */
@ConfigurationProperties("cinemates.outbox")
public record OutboxDestinations(@DefaultValue Map<String, Destination> destinations) {

    /** Where events go when no destination is configured. */
    public static final String DEFAULT = "activity-service";

    /**
     * @param url the destination service's base URL
     * @param path where it takes event batches
     * @param types the type ids of the events it takes ({@code ACCOUNT_DELETED}, see {@link
     *     org.cinemates.platform.events.CinematesEvent}); empty for all
     */
    public record Destination(
            URI url,
            @DefaultValue("/internal/activities") String path,
            @DefaultValue Set<String> types) {

        boolean takes(String type) {
            return types.isEmpty() || types.contains(type);
        }
    }

    public OutboxDestinations {
        destinations = new LinkedHashMap<>(destinations);
        destinations.forEach((name, destination) -> {
            Set<String> unknown = new TreeSet<>(destination.types());
            unknown.removeAll(EventJson.types());
            if (!unknown.isEmpty()) {
                // A misspelt type would silently never be delivered.
                throw new IllegalArgumentException(
                        "cinemates.outbox.destinations." + name + ".types names no event type: " + unknown
                                + "; the types are " + new TreeSet<>(EventJson.types()));
            }
        });
    }

    /** The names of the destinations that take an event of this type. */
    public List<String> takers(String type) {
        return destinations.entrySet().stream()
                .filter(d -> d.getValue().takes(type))
                .map(Map.Entry::getKey)
                .toList();
    }
}
