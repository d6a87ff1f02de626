package org.cinemates.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Destinations name the event types they take by the contract's type ids. */
class OutboxDestinationsTest {

    private static OutboxDestinations.Destination taking(String... types) {
        return new OutboxDestinations.Destination(URI.create("http://127.0.0.1:1"), "/internal/events", Set.of(types));
    }

    @Test
    void aDestinationTakesTheTypesItNamesOrAll() {
        var destinations = new OutboxDestinations(
                Map.of("activity-service", taking(), "preference-service", taking("ACCOUNT_DELETED")));

        assertThat(destinations.takers("ACCOUNT_DELETED"))
                .containsExactlyInAnyOrder("activity-service", "preference-service");
        assertThat(destinations.takers("RATED")).containsExactly("activity-service");
    }

    @Test
    void aTypeNoEventHasIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new OutboxDestinations(Map.of("preference-service", taking("ACCOUNT_DELETD"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cinemates.outbox.destinations.preference-service.types")
                .hasMessageContaining("[ACCOUNT_DELETD]");
    }
}
