package org.cinemates.activity.log;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.cinemates.platform.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Where the other services' outbox relays deliver their events (service credential only). Any
 * 2xx acknowledges the whole batch, so only an envelope that cannot be read is refused: a bad
 * event is counted as ignored and never blocks the events behind it.
 */
@RestController
class IngestController {

    private final Ingest ingest;

    IngestController(Ingest ingest) {
        this.ingest = ingest;
    }

    /** @param events each read on its own, so one that does not fit the contract is only ignored */
    record Batch(@Nullable List<JsonNode> events) {}

    @Operation(
            summary = "Deliver a batch of events (service credential)",
            description = "At most " + Ingest.MAX_EVENTS + " events; stored in one transaction, each event id once.")
    @PostMapping("/internal/activities")
    IngestResult deliver(@RequestBody Batch batch) {
        List<JsonNode> events = batch.events();
        if (events == null) {
            throw new ValidationFailed("events", "is required: {\"events\": [...]}");
        }
        if (events.size() > Ingest.MAX_EVENTS) {
            throw new ValidationFailed("events", "must hold at most " + Ingest.MAX_EVENTS + " events");
        }
        return ingest.accept(events);
    }
}
