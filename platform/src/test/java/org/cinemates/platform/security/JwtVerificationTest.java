package org.cinemates.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.cinemates.platform.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * How every service other than the issuer verifies tokens: keys from the published JWKS, RS256
 * only, and every required claim checked.
 */
class JwtVerificationTest {

    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet());
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer jwks;
    private RSAKey key;
    private JwtDecoder decoder;

    @BeforeEach
    void publishKeys() throws Exception {
        key = new RSAKeyGenerator(2048)
                .keyID("k1")
                .algorithm(JWSAlgorithm.RS256)
                .generate();
        published.set(new JWKSet(key.toPublicJWK()));
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = java.util.Objects.requireNonNull(published.get())
                    .toString(true)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        var settings = new CinematesSecurityProperties.Jwt(
                "cinemates",
                "cinemates-api",
                "cinemates",
                URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json"),
                Duration.ofMinutes(5),
                Duration.ofSeconds(2));
        decoder = JwtVerification.remoteDecoder(settings);
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    @Test
    void acceptsAWellMadeTokenAndCachesTheKeys() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(decoder.decode(sign(claims(b -> b), key, "at+jwt")).getSubject())
                    .isEqualTo("42");
        }
        assertThat(fetches.get()).isEqualTo(1);
    }

    @Test
    void picksUpARotatedKeyWhenItFirstSeesIt() throws Exception {
        decoder.decode(sign(claims(b -> b), key, "at+jwt"));
        RSAKey next = new RSAKeyGenerator(2048)
                .keyID("k2")
                .algorithm(JWSAlgorithm.RS256)
                .generate();
        published.set(new JWKSet(List.of(next.toPublicJWK(), key.toPublicJWK())));

        assertThat(decoder.decode(sign(claims(b -> b), next, "at+jwt")).getSubject())
                .isEqualTo("42");
        assertThat(decoder.decode(sign(claims(b -> b), key, "at+jwt")).getSubject())
                .isEqualTo("42");
    }

    @Test
    void unknownKeyIdsCannotMakeItHammerTheIssuer() throws Exception {
        decoder.decode(sign(claims(b -> b), key, "at+jwt"));
        // One stranger's key pair under twenty unknown key ids, every token signed before the
        // first arrives: generating twenty 2048-bit pairs, or even signing twenty tokens between
        // the decodes (with the client compiler alone, on a busy machine), took long enough for
        // the refetch allowance (one a second) to come round again.
        RSAKey strangerKey = new RSAKeyGenerator(2048).generate();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RSAKey stranger = new RSAKey.Builder(strangerKey).keyID("x" + i).build();
            tokens.add(sign(claims(b -> b), stranger, "at+jwt"));
        }
        int before = fetches.get();
        for (String token : tokens) {
            assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        }
        assertThat(fetches.get() - before).isLessThanOrEqualTo(2);
    }

    @Test
    void refusesEveryFlaw() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        List<String> forged = List.of(
                sign(claims(b -> b.audience("other-api")), key, "at+jwt"),
                sign(claims(b -> b.issuer("someone-else")), key, "at+jwt"),
                sign(
                        claims(b -> b.expirationTime(Date.from(past)).issueTime(Date.from(past.minusSeconds(60)))),
                        key,
                        "at+jwt"),
                sign(claims(b -> b.expirationTime(null)), key, "at+jwt"),
                sign(claims(b -> b.jwtID(null)), key, "at+jwt"),
                sign(claims(b -> b.subject(null)), key, "at+jwt"),
                sign(claims(b -> b.claim("client_id", "another-client")), key, "at+jwt"),
                sign(claims(b -> b), key, "JWT"),
                hmacWithPublicKey(),
                unsigned(),
                tampered());
        for (String token : forged) {
            assertThatThrownBy(() -> decoder.decode(token)).as(token).isInstanceOf(JwtException.class);
        }
    }

    private String hmacWithPublicKey() throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID("k1")
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims(b -> b));
        jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        return jwt.serialize();
    }

    private String unsigned() throws Exception {
        String payload = sign(claims(b -> b), key, "at+jwt").split("\\.")[1];
        return b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + payload + ".";
    }

    private String tampered() throws Exception {
        String[] parts = sign(claims(b -> b), key, "at+jwt").split("\\.");
        String payload =
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"42\"", "\"1\"");
        return parts[0] + "." + b64(payload) + "." + parts[2];
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(TestTokens.claimsBuilder(42, "someone", List.of("USER")))
                .build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key, String type) {
        return TestTokens.sign(claims, key, type);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
