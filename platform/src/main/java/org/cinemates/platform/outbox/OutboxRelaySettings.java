package org.cinemates.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay delivers events ({@code cinemates.outbox.relay.*}); where to is in {@link
 * OutboxDestinations}.
 *
 * @param enabled whether this instance relays at all (every instance may: they never double-send)
 * @param batchSize events per delivery (one HTTP request, one transaction)
 * @param pollInterval how often an idle relay looks for events nobody woke it up for (written by
 *     another instance, or left by a failed delivery)
 * @param minBackoff the first wait after a failed delivery
 * @param maxBackoff the longest wait between attempts while deliveries keep failing
 * @param retention how long delivered events are kept before they are purged
 */
@ConfigurationProperties("cinemates.outbox.relay")
public record OutboxRelaySettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("250ms") Duration minBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("7d") Duration retention) {

    public OutboxRelaySettings {
        if (batchSize < 1 || batchSize > 500) {
            throw new IllegalArgumentException("cinemates.outbox.relay.batch-size must be 1 to 500");
        }
    }
}
