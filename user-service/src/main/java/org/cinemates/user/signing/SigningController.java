package org.cinemates.user.signing;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SigningController {

    private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final KeyRing keys;

    SigningController(KeyRing keys) {
        this.keys = keys;
    }

    /** Verifiers cache this briefly and fetch again when they meet an unknown key id. */
    @GetMapping("/api/auth/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .contentType(JWK_SET)
                .body(keys.publicJwks());
    }

    record Rotated(String kid) {}

    /** For operators: a new signing key now (after a suspected leak, say). */
    @PostMapping("/internal/keys/rotate")
    Rotated rotate() {
        return new Rotated(keys.rotate());
    }
}
