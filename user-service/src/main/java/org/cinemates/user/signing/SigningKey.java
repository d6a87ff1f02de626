package org.cinemates.user.signing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One stored signing key.
 *
 * @param privateKey PKCS#8, Base64, encrypted with {@link KeyCipher} when {@code encrypted}
 * @param publicKey X.509 SubjectPublicKeyInfo, Base64
 * @param retiredAt when a newer key took over signing; the key stays published until the tokens
 *     it signed have expired
 */
record SigningKey(
        String kid,
        String privateKey,
        String publicKey,
        boolean encrypted,
        Instant createdAt,
        @Nullable Instant retiredAt) {}
