package org.cinemates.user.revocation;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.cinemates.platform.security.Revocation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The revocation list other services poll (service credential only). */
@RestController
class RevocationsController {

    private final RevocationLog log;

    RevocationsController(RevocationLog log) {
        this.log = log;
    }

    @Operation(summary = "Revoked sessions and members recorded since a time, not yet expired (service credential)")
    @GetMapping("/internal/revocations")
    Revocation.Batch since(@RequestParam(defaultValue = "1970-01-01T00:00:00Z") Instant since) {
        return log.since(since);
    }
}
