package org.cinemates.activity.log;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.cinemates.platform.events.EventBatch;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the other services' outbox relays deliver their events (service credential only). Any
 * 2xx acknowledges the whole batch, so only an envelope that cannot be read is refused ({@link
 * EventBatch}): a bad event is counted as ignored and never blocks the events behind it.
 */
@RestController
class IngestController {

    private final Ingest ingest;

    IngestController(Ingest ingest) {
        this.ingest = ingest;
    }

    @Operation(
            summary = "Deliver a batch of events (service credential)",
            description =
                    "At most " + EventBatch.MAX_EVENTS + " events; stored in one transaction, each event id once.")
    @PostMapping("/internal/activities")
    IngestResult deliver(@Valid @RequestBody EventBatch batch) {
        return ingest.accept(batch.events());
    }
}
