package org.cinemates.platform.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.cinemates.platform.http.PlatformClientsAutoConfiguration;
import org.cinemates.platform.http.ServiceClients;
import org.cinemates.platform.http.ServiceEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox writer, for services with a database, and its relay for services that name where
 * to deliver ({@code cinemates.outbox.relay.url}).
 */
@AutoConfiguration(
        after = PlatformClientsAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
        })
@EnableConfigurationProperties(OutboxRelaySettings.class)
public class PlatformOutboxAutoConfiguration {

    @Bean
    @ConditionalOnBean(JdbcClient.class)
    Outbox outbox(JdbcClient jdbc, JsonMapper json, Clock clock, ObjectProvider<OutboxRelay> relay) {
        return new Outbox(jdbc, json, clock, () -> relay.ifAvailable(OutboxRelay::wake));
    }

    @Bean
    @ConditionalOnBean({JdbcClient.class, PlatformTransactionManager.class, ServiceClients.class})
    @ConditionalOnProperty(prefix = "cinemates.outbox.relay", name = "url")
    OutboxRelay outboxRelay(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            ServiceClients clients,
            JsonMapper json,
            Clock clock,
            OutboxRelaySettings settings) {
        String url = settings.url();
        var endpoint = new ServiceEndpoint(
                "activity-service",
                URI.create(url == null || url.isBlank() ? "http://127.0.0.1" : url),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10));
        return new OutboxRelay(
                jdbc, new TransactionTemplate(transactionManager), clients.restClient(endpoint), json, clock, settings);
    }
}
