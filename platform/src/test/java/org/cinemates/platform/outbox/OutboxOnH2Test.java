package org.cinemates.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.cinemates.platform.events.AccountDeleted;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The default run keeps the outbox in H2: the relay's locking query must run there too. */
class OutboxOnH2Test {

    @Test
    void relayQueryRunsOnEmbeddedH2() {
        var source = new DriverManagerDataSource(
                "jdbc:h2:mem:outbox;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        var jdbc = JdbcClient.create(source);
        OutboxSchema.create(jdbc);
        var json = JsonMapper.builder().build();
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(source));
        var outbox = new Outbox(jdbc, Clock.systemUTC());
        transactions.executeWithoutResult(status -> outbox.append(new AccountDeleted(1)));
        var relay = new OutboxRelay(
                jdbc,
                transactions,
                RestClient.create("http://127.0.0.1:9"),
                OutboxDestinations.DEFAULT,
                "/internal/activities",
                json,
                Clock.systemUTC(),
                new OutboxRelaySettings(
                        true,
                        10,
                        Duration.ofSeconds(1),
                        Duration.ofMillis(10),
                        Duration.ofMillis(20),
                        Duration.ofDays(1)),
                EventTraces.NONE);

        // Nothing listens on port 9: the round fails after the locking query ran.
        org.assertj.core.api.Assertions.assertThatThrownBy(relay::deliverBatch)
                .isInstanceOf(OutboxRelay.DeliveryFailed.class);
        assertThat(relay.backlog()).isEqualTo(1);
        assertThat(jdbc.sql("select attempts from outbox_events")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
