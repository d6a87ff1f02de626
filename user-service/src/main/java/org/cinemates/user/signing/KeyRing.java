package org.cinemates.user.signing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cinemates.user.UserSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys that sign access tokens. Keys are made on first start and stored, so a restart
 * logs nobody out. Rotation makes a new key the signer at once and keeps the old one published
 * until every token it signed has expired. Instances sharing a database pick up each other's
 * keys.
 */
@Component
public class KeyRing implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    /** Leeway for clocks and in-flight requests when dropping retired keys from the JWKS. */
    private static final Duration GRACE = Duration.ofMinutes(2);

    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(1);

    private final SigningKeys store;
    private final KeyCipher cipher;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration tokenTtl;
    private final Duration rotationPeriod;

    private volatile @Nullable Snapshot snapshot;

    /** The key that signs, and the keys whose tokens are still accepted. */
    private record Snapshot(RSAKey signer, Instant signerCreatedAt, JWKSet published, Instant loadedAt) {}

    KeyRing(SigningKeys store, KeyCipher cipher, TransactionTemplate transactions, Clock clock, UserSettings settings) {
        this.store = store;
        this.cipher = cipher;
        this.transactions = transactions;
        this.clock = clock;
        this.tokenTtl = settings.accessTokenTtl();
        this.rotationPeriod = settings.keys().rotationPeriod();
    }

    @Override
    public void afterPropertiesSet() {
        load();
    }

    /** Signing keys: only the current signer, private part included. */
    public JWKSource<SecurityContext> signingKeys() {
        return (selector, context) -> selector.select(new JWKSet(current().signer()));
    }

    /**
     * Verification keys: the published ones. A key id not seen yet (made by another instance a
     * moment ago) triggers one reload, at most once a second.
     */
    public JWKSource<SecurityContext> verificationKeys() {
        return (selector, context) -> {
            Snapshot now = current();
            List<JWK> found = selector.select(now.published());
            if (found.isEmpty() && isStale(now)) {
                found = selector.select(load().published());
            }
            return found;
        };
    }

    /** The public JWKS, as served at {@code /api/auth/jwks.json}. */
    public Map<String, Object> publicJwks() {
        return current().published().toPublicJWKSet().toJSONObject(true);
    }

    public String currentKeyId() {
        return current().signer().getKeyID();
    }

    /** Makes a new signing key now; the previous one stays published until its tokens expire. */
    public String rotate() {
        String kid = transactions.execute(status -> {
            SigningKey key = generate();
            store.add(key);
            store.retireAllBut(key.kid(), key.createdAt());
            return key.kid();
        });
        log.info("Signing key rotated; new key id {}", kid);
        return load().signer().getKeyID();
    }

    /** Rotates when the signer is older than the rotation period. */
    public void rotateIfDue() {
        if (!current().signerCreatedAt().plus(rotationPeriod).isAfter(clock.instant())) {
            rotate();
        }
    }

    /** Reads the keys again: picks up other instances' rotations, forgets expired keys. */
    public void reload() {
        load();
    }

    private synchronized Snapshot load() {
        Instant now = clock.instant();
        store.deleteRetiredBefore(now.minus(tokenTtl).minus(GRACE).minus(Duration.ofDays(1)));
        List<SigningKey> keys = store.all();
        if (keys.stream().noneMatch(key -> key.retiredAt() == null)) {
            SigningKey created = generate();
            store.add(created);
            log.info("No signing key yet; made key {}", created.kid());
            keys = store.all();
        }
        SigningKey signer =
                keys.stream().filter(key -> key.retiredAt() == null).findFirst().orElseThrow();
        // Verification needs public keys only; a private part here would also be decoded on
        // every request by the key selector.
        List<JWK> published = new ArrayList<>();
        for (SigningKey key : keys) {
            Instant retiredAt = key.retiredAt();
            if (retiredAt == null || retiredAt.plus(tokenTtl).plus(GRACE).isAfter(now)) {
                published.add(toJwk(key, false));
            }
        }
        Snapshot fresh = new Snapshot((RSAKey) toJwk(signer, true), signer.createdAt(), new JWKSet(published), now);
        snapshot = fresh;
        return fresh;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        return current != null ? current : load();
    }

    private boolean isStale(Snapshot snapshot) {
        return snapshot.loadedAt().plus(MIN_RELOAD_INTERVAL).isBefore(clock.instant());
    }

    private SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            return new SigningKey(
                    kid,
                    cipher.seal(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    cipher.enabled(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    private JWK toJwk(SigningKey key, boolean withPrivatePart) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
            RSAKey.Builder builder = new RSAKey.Builder(publicKey)
                    .keyID(key.kid())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .issueTime(Date.from(key.createdAt()));
            if (withPrivatePart) {
                builder.privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(cipher.open(key))));
            }
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored signing key " + key.kid() + " cannot be read", e);
        }
    }
}
