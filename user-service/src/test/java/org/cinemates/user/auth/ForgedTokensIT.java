package org.cinemates.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.TestTokens;
import org.cinemates.user.IntegrationTest;
import org.cinemates.user.signing.KeyRing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every kind of forged or unfit token is refused with 401, by header and by cookie. */
class ForgedTokensIT extends IntegrationTest {

    @Autowired
    KeyRing keys;

    private Member member;
    private RSAKey signingKey;

    @BeforeEach
    void setUp() throws Exception {
        member = register("Forge");
        signingKey = (RSAKey) keys.signingKeys()
                .get(new JWKSelector(new JWKMatcher.Builder().build()), null)
                .get(0);
    }

    @Test
    void aTokenMadeTheRightWayIsAccepted() throws Exception {
        // The forging below must fail only for the flaw each case puts in, not for the harness.
        String token = sign(claims(b -> b), signingKey, "at+jwt");
        assertThat(me(token).status()).isEqualTo(200);
    }

    @Test
    void tamperedPayloadIsRefused() {
        Member other = register("Other");
        String[] parts = member.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"" + member.id() + "\"", "\"sub\":\"" + other.id() + "\"");
        assertThat(payload).contains("\"sub\":\"" + other.id() + "\"");
        String tampered = parts[0] + "." + base64(payload) + "." + parts[2];

        assertRefused(tampered);
    }

    @Test
    void unsignedTokenIsRefused() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");
        String payload = member.accessToken().split("\\.")[1];
        assertRefused(header + "." + payload + ".");
        assertRefused(header + "." + payload);
    }

    @Test
    void hmacSignedWithThePublicKeyIsRefused() throws Exception {
        byte[] publicKey = signingKey.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKey)
                + "\n-----END PUBLIC KEY-----\n";
        for (byte[] secret : List.of(publicKey, pem.getBytes(StandardCharsets.US_ASCII))) {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(signingKey.getKeyID())
                            .type(new JOSEObjectType("at+jwt"))
                            .build(),
                    claims(b -> b));
            jwt.sign(new MACSigner(secret));
            assertRefused(jwt.serialize());
        }
    }

    @Test
    void wrongAudienceIsRefused() throws Exception {
        assertRefused(sign(claims(b -> b.audience("some-other-api")), signingKey, "at+jwt"));
    }

    @Test
    void wrongIssuerIsRefused() throws Exception {
        assertRefused(sign(claims(b -> b.issuer("https://evil.example")), signingKey, "at+jwt"));
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        assertRefused(sign(
                claims(b -> b.issueTime(Date.from(past.minusSeconds(900))).expirationTime(Date.from(past))),
                signingKey,
                "at+jwt"));
    }

    @Test
    void tokenWithoutExpiryIsRefused() throws Exception {
        assertRefused(sign(claims(b -> b.expirationTime(null)), signingKey, "at+jwt"));
    }

    @Test
    void tokenOfAnotherTypeIsRefused() throws Exception {
        assertRefused(sign(claims(b -> b), signingKey, "JWT"));
    }

    @Test
    void tokenSignedByAnUnknownKeyIsRefused() throws Exception {
        RSAKey stranger =
                new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        assertRefused(sign(claims(b -> b), stranger, "at+jwt"));
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
        assertRefused(sign(claims(b -> b), impostor, "at+jwt"));
    }

    @Test
    void garbageIsRefused() {
        assertRefused("not-a-token");
        assertRefused("a.b.c");
    }

    private void assertRefused(String token) {
        assertProblem(me(token), 401);
        ApiResponse byCookie =
                browser().get("/api/users/me").cookies("access_token=" + token).send();
        assertProblem(byCookie, 401);
    }

    private ApiResponse me(String token) {
        return browser().get("/api/users/me").withoutCookies().bearer(token).send();
    }

    private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(TestTokens.claimsBuilder(member.id(), member.username(), List.of("USER")))
                .build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key, String type) {
        return TestTokens.sign(claims, key, type);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
