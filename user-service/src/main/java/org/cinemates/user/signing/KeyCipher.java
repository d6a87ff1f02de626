package org.cinemates.user.signing;

import java.util.Base64;
import org.cinemates.user.UserSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Protects private keys at rest when an encryption secret is configured (AES-256-GCM with a key
 * derived from the secret and a per-key salt). Without a secret, keys are stored as they are and
 * the database is what protects them.
 */
@Component
class KeyCipher {

    private final @Nullable String secret;

    KeyCipher(UserSettings settings) {
        String configured = settings.keys().encryptionSecret();
        this.secret = configured == null || configured.isBlank() ? null : configured;
    }

    boolean enabled() {
        return secret != null;
    }

    String seal(byte[] privateKey) {
        if (secret == null) {
            return Base64.getEncoder().encodeToString(privateKey);
        }
        String salt = KeyGenerators.string().generateKey();
        byte[] sealed = Encryptors.stronger(secret, salt).encrypt(privateKey);
        return salt + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    byte[] open(SigningKey key) {
        if (!key.encrypted()) {
            return Base64.getDecoder().decode(key.privateKey());
        }
        if (secret == null) {
            throw new IllegalStateException(
                    "Signing key " + key.kid()
                            + " is stored encrypted; set cinemates.users.keys.encryption-secret to the secret it was made with");
        }
        int colon = key.privateKey().indexOf(':');
        String salt = key.privateKey().substring(0, colon);
        byte[] sealed = Base64.getDecoder().decode(key.privateKey().substring(colon + 1));
        return Encryptors.stronger(secret, salt).decrypt(sealed);
    }
}
