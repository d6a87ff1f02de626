package org.cinemates.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cinemates.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Tokens verified once are not verified again, but are validated on every use. */
class RememberedTokensTest {

    private static final CinematesSecurityProperties.Jwt SETTINGS = new CinematesSecurityProperties.Jwt(
            TestTokens.ISSUER,
            TestTokens.AUDIENCE,
            TestTokens.CLIENT_ID,
            URI.create("http://127.0.0.1:9/jwks.json"),
            Duration.ofMinutes(5),
            Duration.ofSeconds(2));

    private final RSAKey key = TestTokens.newKey("k1");
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifying = token -> {
        verifications.incrementAndGet();
        return JwtVerification.decoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(key)), SETTINGS)
                .decode(token);
    };

    @Test
    void aTokenIsVerifiedOnceAndEachOtherTokenOnItsOwn() {
        var remembered = new RememberedTokens(verifying, JwtVerification.validator(SETTINGS));
        String alice = member(1, "alice");
        String bob = member(2, "bob");

        for (int i = 0; i < 5; i++) {
            assertThat(remembered.decode(alice).getSubject()).isEqualTo("1");
            assertThat(remembered.decode(bob).getSubject()).isEqualTo("2");
        }

        assertThat(verifications.get()).isEqualTo(2);
    }

    @Test
    void aTokenLikeARememberedOneButForgedIsVerifiedAndRefused() {
        var remembered = new RememberedTokens(verifying, JwtVerification.validator(SETTINGS));
        String token = member(1, "alice");
        remembered.decode(token);
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A";

        assertThatThrownBy(() -> remembered.decode(otherSignature)).isInstanceOf(JwtException.class);
        assertThat(verifications.get()).isEqualTo(2);
    }

    @Test
    void aRememberedTokenIsValidatedOnEveryUse() {
        AtomicBoolean expired = new AtomicBoolean();
        OAuth2TokenValidator<Jwt> validator = jwt -> expired.get()
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Jwt expired", null))
                : OAuth2TokenValidatorResult.success();
        var remembered = new RememberedTokens(verifying, validator);
        String token = member(1, "alice");
        remembered.decode(token);

        expired.set(true);

        assertThatThrownBy(() -> remembered.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications.get()).isEqualTo(1);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        var remembered = new RememberedTokens(verifying, JwtVerification.validator(SETTINGS));
        String stranger =
                TestTokens.sign(TestTokens.claims(1, "alice", List.of("USER")), TestTokens.newKey("k1"), "at+jwt");

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> remembered.decode(stranger)).isInstanceOf(JwtException.class);
        }
        assertThat(verifications.get()).isEqualTo(3);
    }

    private String member(long id, String username) {
        return TestTokens.sign(TestTokens.claims(id, username, List.of("USER")), key, "at+jwt");
    }
}
