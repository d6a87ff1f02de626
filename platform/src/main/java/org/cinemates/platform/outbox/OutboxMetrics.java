package org.cinemates.platform.outbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Per destination: {@code cinemates.outbox.backlog} (events not delivered yet, across all
 * instances), {@code cinemates.outbox.delivered} and {@code cinemates.outbox.failures} (by this
 * instance). A growing backlog means a destination has been unreachable for a while.
 */
class OutboxMetrics implements MeterBinder {

    private final OutboxRelays relays;

    OutboxMetrics(OutboxRelays relays) {
        this.relays = relays;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OutboxRelay relay : relays.relays()) {
            Gauge.builder("cinemates.outbox.backlog", relay, OutboxMetrics::backlog)
                    .description("Outbox events not yet delivered")
                    .tag("destination", relay.destination())
                    .register(registry);
            FunctionCounter.builder("cinemates.outbox.delivered", relay, OutboxRelay::deliveredCount)
                    .description("Outbox events this instance delivered")
                    .tag("destination", relay.destination())
                    .register(registry);
            FunctionCounter.builder("cinemates.outbox.failures", relay, OutboxRelay::failureCount)
                    .description("Deliveries this instance attempted that were not acknowledged")
                    .tag("destination", relay.destination())
                    .register(registry);
        }
    }

    private static double backlog(OutboxRelay relay) {
        try {
            return relay.backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
