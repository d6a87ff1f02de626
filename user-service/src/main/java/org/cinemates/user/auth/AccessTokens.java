package org.cinemates.user.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cinemates.platform.security.CinematesSecurityProperties;
import org.cinemates.platform.security.CsrfTokens;
import org.cinemates.platform.security.CurrentUserArgumentResolver;
import org.cinemates.platform.security.RevokedTokens;
import org.cinemates.user.UserSettings;
import org.cinemates.user.account.Account;
import org.cinemates.user.signing.KeyRing;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs RFC 9068 access tokens (RS256, {@code typ: at+jwt}) with the current key. */
@Component
class AccessTokens {

    private final JwtEncoder encoder;
    private final KeyRing keys;
    private final CinematesSecurityProperties.Jwt jwt;
    private final Duration ttl;
    private final Clock clock;

    AccessTokens(
            JwtEncoder encoder,
            KeyRing keys,
            CinematesSecurityProperties security,
            UserSettings settings,
            Clock clock) {
        this.encoder = encoder;
        this.keys = keys;
        this.jwt = security.jwt();
        this.ttl = settings.accessTokenTtl();
        this.clock = clock;
    }

    Duration ttl() {
        return ttl;
    }

    /** @param sessionId the session the token belongs to: ending it ends the token too */
    String issue(Account account, Set<String> roles, String xsrfHash, UUID sessionId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(jwt.issuer())
                .audience(List.of(jwt.audience()))
                .subject(Long.toString(account.requireId()))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString())
                .claim("client_id", jwt.clientId())
                .claim(CurrentUserArgumentResolver.USERNAME_CLAIM, account.username())
                .claim(CurrentUserArgumentResolver.ROLES_CLAIM, List.copyOf(roles))
                .claim(CsrfTokens.CLAIM, xsrfHash)
                .claim(RevokedTokens.SESSION_CLAIM, sessionId.toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .type("at+jwt")
                .keyId(keys.currentKeyId())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
