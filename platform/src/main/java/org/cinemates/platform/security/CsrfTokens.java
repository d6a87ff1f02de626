package org.cinemates.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Double-submit CSRF tokens bound to the session: the access token (and the refresh token's
 * record) carry a hash of the session's token, so a cookie planted by an attacker is not enough.
 */
public final class CsrfTokens {

    /** The access-token claim holding {@link #hash(String)} of the session's CSRF token. */
    public static final String CLAIM = "xsrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares in time independent of where the strings differ. */
    public static boolean same(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
