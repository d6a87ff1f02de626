package org.cinemates.platform.outbox;

import java.time.Clock;
import org.cinemates.platform.http.PlatformClientsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The outbox writer, for services with a database. */
@AutoConfiguration(
        after = PlatformClientsAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
        })
public class PlatformOutboxAutoConfiguration {

    @Bean
    @ConditionalOnBean(JdbcClient.class)
    Outbox outbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        return new Outbox(jdbc, json, clock);
    }
}
