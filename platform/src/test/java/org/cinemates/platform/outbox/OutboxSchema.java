package org.cinemates.platform.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox table as the services' migrations make it ({@code outbox_events.sql}). */
final class OutboxSchema {

    static final String RESOURCE = "outbox_events.sql";

    private OutboxSchema() {}

    static void create(JdbcClient jdbc) {
        try {
            jdbc.sql(new ClassPathResource(RESOURCE).getContentAsString(StandardCharsets.UTF_8))
                    .update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
