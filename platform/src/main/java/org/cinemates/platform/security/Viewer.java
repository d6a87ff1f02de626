package org.cinemates.platform.security;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whoever reads a page that anyone may read (a public list, a member's page): a member when the
 * request carries a valid token, else an anonymous visitor. Controllers declare it as a parameter
 * where {@link CurrentUser} would turn visitors away; a request with an invalid token still never
 * reaches them.
 *
 * @param member the member reading, or null for an anonymous visitor
 */
public record Viewer(@Nullable CurrentUser member) {

    public static Viewer anonymous() {
        return new Viewer(null);
    }

    /** The reading member's id, if a member reads. */
    public Optional<Long> memberId() {
        return member != null ? Optional.of(member.id()) : Optional.empty();
    }

    public boolean is(long userId) {
        return member != null && member.id() == userId;
    }
}
