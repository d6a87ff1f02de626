package org.cinemates.user.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.TestTokens;
import org.cinemates.user.IntegrationTest;
import org.cinemates.user.UserSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

class SigningKeysIT extends IntegrationTest {

    @Autowired
    SigningKeys store;

    @Autowired
    KeyCipher cipher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UserSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void jwksPublishesPublicRsaKeysOnly() {
        ApiResponse response = browser().get("/api/auth/jwks.json").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("cache-control").orElseThrow()).contains("max-age");
        JsonNode keys = response.json().path("keys");
        assertThat(keys.size()).isPositive();
        for (JsonNode key : keys) {
            assertThat(key.path("kty").asString()).isEqualTo("RSA");
            assertThat(key.path("alg").asString()).isEqualTo("RS256");
            assertThat(key.path("kid").asString()).isNotBlank();
            assertThat(key.has("d")).as("no private part").isFalse();
            assertThat(key.has("p")).isFalse();
        }
    }

    @Test
    void rotationKeepsOldTokensValidAndSignsNewOnesWithTheNewKey() {
        Member before = register("Rotation");
        String oldKid = kidOf(before.accessToken());

        ApiResponse rotated = browser()
                .post("/internal/keys/rotate")
                .header("X-Service-Token", SERVICE_TOKEN)
                .send();
        assertThat(rotated.status()).isEqualTo(200);
        String newKid = rotated.json().path("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);

        assertThat(browser()
                        .get("/api/users/me")
                        .bearer(before.accessToken())
                        .send()
                        .status())
                .as("tokens signed with the retired key still work")
                .isEqualTo(200);
        List<String> published = browser()
                .get("/api/auth/jwks.json")
                .send()
                .json()
                .path("keys")
                .valueStream()
                .map(k -> k.path("kid").asString())
                .toList();
        assertThat(published).contains(oldKid, newKid);

        Member after = register("Rotation");
        assertThat(kidOf(after.accessToken())).isEqualTo(newKid);
        assertThat(browser().post("/internal/keys/rotate").send().status())
                .as("rotation is for operators only")
                .isEqualTo(401);
    }

    @Test
    void aRestartKeepsSigningWithTheStoredKey() {
        KeyRing running = new KeyRing(store, cipher, transactions, Clock.systemUTC(), settings);
        running.afterPropertiesSet();
        KeyRing restarted = new KeyRing(store, cipher, transactions, Clock.systemUTC(), settings);
        restarted.afterPropertiesSet();

        assertThat(restarted.currentKeyId()).isEqualTo(running.currentKeyId());
    }

    @Test
    void encryptedKeysNeedTheirSecret() {
        UserSettings withSecret = new UserSettings(
                settings.accessTokenTtl(),
                settings.refreshTokenTtl(),
                List.of(),
                new UserSettings.Keys(settings.keys().rotationPeriod(), "a long and secret passphrase"),
                settings.throttle());
        KeyCipher sealing = new KeyCipher(withSecret);
        byte[] secret = "private key bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sealed = sealing.seal(secret);
        SigningKey stored = new SigningKey("k1", sealed, "", true, java.time.Instant.now(), null);

        assertThat(sealed).doesNotContain(java.util.Base64.getEncoder().encodeToString(secret));
        assertThat(sealing.open(stored)).isEqualTo(secret);
        assertThatThrownBy(() -> cipher.open(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("encryption-secret");
    }

    private static String kidOf(String token) {
        return TestTokens.header(token).path("kid").asString();
    }
}
