package org.cinemates.platform.outbox;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.cinemates.platform.http.PlatformClientsAutoConfiguration;
import org.cinemates.platform.http.ServiceClients;
import org.cinemates.platform.http.ServiceEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox writer, for services with a database, and its relays: one per configured
 * destination ({@code cinemates.outbox.destinations.*}), unless {@code
 * cinemates.outbox.relay.enabled=false}. Every service gets the {@link EventTraces} that carry
 * trace context with events, to write, deliver and process them in their trace.
 */
@AutoConfiguration(
        after = PlatformClientsAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
        })
@EnableConfigurationProperties({OutboxRelaySettings.class, OutboxDestinations.class})
public class PlatformOutboxAutoConfiguration {

    @Bean
    EventTraces eventTraces(ObjectProvider<Tracer> tracer) {
        return new EventTraces(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    @Bean
    @ConditionalOnBean(JdbcClient.class)
    Outbox outbox(
            JdbcClient jdbc,
            Clock clock,
            OutboxDestinations destinations,
            EventTraces traces,
            ObjectProvider<OutboxRelays> relays) {
        return new Outbox(jdbc, clock, destinations, traces, () -> relays.ifAvailable(OutboxRelays::wake));
    }

    @Bean
    @ConditionalOnBean({JdbcClient.class, PlatformTransactionManager.class, ServiceClients.class})
    @ConditionalOnBooleanProperty(name = "cinemates.outbox.relay.enabled", matchIfMissing = true)
    OutboxRelays outboxRelays(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            ServiceClients clients,
            JsonMapper json,
            Clock clock,
            OutboxRelaySettings settings,
            OutboxDestinations destinations,
            EventTraces traces) {
        var transactions = new TransactionTemplate(transactionManager);
        List<OutboxRelay> relays = destinations.destinations().entrySet().stream()
                .map(d -> new OutboxRelay(
                        jdbc,
                        transactions,
                        clients.restClient(new ServiceEndpoint(
                                d.getKey(), d.getValue().url(), Duration.ofSeconds(1), Duration.ofSeconds(10))),
                        d.getKey(),
                        d.getValue().path(),
                        json,
                        clock,
                        settings,
                        traces))
                .toList();
        return new OutboxRelays(relays);
    }

    @Bean
    @ConditionalOnBean(OutboxRelays.class)
    @ConditionalOnClass(MeterBinder.class)
    MeterBinder outboxMetrics(OutboxRelays relays) {
        return new OutboxMetrics(relays);
    }
}
