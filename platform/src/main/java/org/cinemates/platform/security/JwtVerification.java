package org.cinemates.platform.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The one way Cinemates verifies access tokens: RS256 only, RFC 9068 access-token type, and
 * {@code iss}, {@code aud}, {@code client_id}, {@code exp}, {@code iat}, {@code sub} and {@code
 * jti} all required and checked.
 */
public final class JwtVerification {

    /** The least time between two fetches of the key set for unknown key ids. */
    static final long REFETCH_INTERVAL_MILLIS = 1_000;

    private JwtVerification() {}

    public static OAuth2TokenValidator<Jwt> validator(CinematesSecurityProperties.Jwt settings) {
        return JwtValidators.createAtJwtValidator()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .clientId(settings.clientId())
                .build();
    }

    /** A decoder for keys held in this process (the issuer verifies its own tokens). */
    public static JwtDecoder decoder(JWKSource<SecurityContext> keys, CinematesSecurityProperties.Jwt settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(settings));
        return decoder;
    }

    /**
     * A decoder for the published JWKS: keys are cached, fetched again when a token names an
     * unknown key, and kept in use while the issuer is briefly unreachable. Refetches happen at most
     * once a second: forged key ids cannot flood the issuer, and the first tokens of a freshly
     * rotated key are turned away for at most that long when forged ones used the refetch just
     * before.
     */
    public static JwtDecoder remoteDecoder(CinematesSecurityProperties.Jwt settings) {
        int timeout = Math.toIntExact(settings.jwksTimeout().toMillis());
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(
                            settings.jwksUri().toURL(), new DefaultResourceRetriever(timeout, timeout, 256 * 1024))
                    .cache(settings.jwksCacheTtl().toMillis(), timeout)
                    .rateLimited(REFETCH_INTERVAL_MILLIS)
                    .refreshAheadCache(false)
                    .outageTolerant(settings.jwksCacheTtl().multipliedBy(12).toMillis())
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cinemates.security.jwt.jwks-uri is not a URL", e);
        }
        return decoder(keys, settings);
    }
}
