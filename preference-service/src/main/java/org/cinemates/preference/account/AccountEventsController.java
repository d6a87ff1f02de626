package org.cinemates.preference.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.cinemates.platform.outbox.EventTraces;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Events user-service's outbox relay delivers here (service credential only): {@code
 * ACCOUNT_DELETED}. Handling is idempotent, so a redelivered batch changes nothing; events of
 * other types are acknowledged and ignored. Each event is handled in the trace it was written in.
 */
@RestController
class AccountEventsController {

    private static final Logger log = LoggerFactory.getLogger(AccountEventsController.class);
    static final String ACCOUNT_DELETED = "ACCOUNT_DELETED";

    private final ApplicationEventPublisher events;
    private final EventTraces traces;

    AccountEventsController(ApplicationEventPublisher events, EventTraces traces) {
        this.events = events;
        this.traces = traces;
    }

    record Event(
            @NotNull UUID eventId,
            @NotNull String type,
            long actorId,
            @Nullable JsonNode payload,
            @Nullable String traceparent) {}

    record Batch(@NotNull @Size(max = 500) List<@Valid @NotNull Event> events) {}

    record Handled(int handled, int ignored) {}

    @PostMapping("/internal/events")
    @Transactional
    Handled receive(@Valid @RequestBody Batch batch) {
        int handled = 0;
        for (Event event : batch.events()) {
            if (ACCOUNT_DELETED.equals(event.type()) && event.actorId() > 0) {
                traces.continueTrace(event.traceparent(), "account deleted", () -> {
                    events.publishEvent(new AccountDeleted(event.actorId()));
                    log.info("Deleted the data of deleted account {}", event.actorId());
                });
                handled++;
            }
        }
        return new Handled(handled, batch.events().size() - handled);
    }
}
