package org.cinemates.movie.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Weak entity tags made from what a response shows, so every instance computes the same tag for
 * the same content and no version bookkeeping is needed.
 */
final class ETags {

    private ETags() {}

    static String of(byte[] content) {
        return "W/\"" + digest(content) + "\"";
    }

    /** The tag of a list: changes when any item, or the order, changes. */
    static String ofAll(List<CachedMovie> movies) {
        StringBuilder tags = new StringBuilder();
        movies.forEach(movie -> tags.append(movie.etag()));
        return of(tags.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
