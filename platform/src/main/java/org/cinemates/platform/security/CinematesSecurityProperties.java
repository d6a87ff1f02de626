package org.cinemates.platform.security;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every service verifies callers.
 *
 * @param jwt what an access token must look like
 * @param serviceToken the shared credential that guards {@code /internal/**}; without one, internal
 *     endpoints refuse everybody
 * @param secureCookies mark cookies {@code Secure} even when the request did not arrive over HTTPS
 *     (set behind a TLS-terminating proxy that does not say so)
 * @param revocations where revoked sessions and members are learnt
 */
@ConfigurationProperties("cinemates.security")
public record CinematesSecurityProperties(
        @DefaultValue Jwt jwt,
        @Nullable String serviceToken,
        @DefaultValue("false") boolean secureCookies,
        @DefaultValue Revocations revocations) {

    /**
     * @param uri user-service's revocation list; by default {@code /internal/revocations} on the
     *     host and port of the key set
     * @param pollInterval how often it is fetched: the longest a revoked token still works here
     *     without Redis
     */
    public record Revocations(
            @Nullable URI uri, @DefaultValue("2s") Duration pollInterval) {}

    /** The revocation list's address, set or derived from the key set's. */
    public URI revocationsUri() {
        if (revocations.uri() != null) {
            return revocations.uri();
        }
        return jwt.jwksUri().resolve("/internal/revocations");
    }

    /**
     * @param issuer the {@code iss} every token must carry
     * @param audience the {@code aud} every token must contain
     * @param clientId the {@code client_id} of tokens issued to Cinemates clients
     * @param jwksUri where user-service publishes its public keys
     * @param jwksCacheTtl how long fetched keys are trusted before they are fetched again
     * @param jwksTimeout connect and read timeout for fetching keys
     */
    public record Jwt(
            @DefaultValue("cinemates") String issuer,
            @DefaultValue("cinemates-api") String audience,
            @DefaultValue("cinemates") String clientId,

            @DefaultValue("http://127.0.0.1:8081/api/auth/jwks.json")
            URI jwksUri,

            @DefaultValue("5m") Duration jwksCacheTtl,
            @DefaultValue("2s") Duration jwksTimeout) {}
}
