package org.cinemates.platform.events;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Who may see what a member rates, reviews, logs, lists and does: everyone, their friends, or only
 * themselves. user-service keeps it; the other services learn it from user-service's answers.
 */
public enum Visibility {
    /** Everyone, visitors without an account too. */
    PUBLIC,
    /** The member's friends (and the member); the default. */
    FRIENDS,
    /** Nobody but the member. */
    PRIVATE;

    /** As user-service says it: missing is the default, anything unknown hides. */
    public static Visibility parse(@Nullable String value) {
        if (value == null) {
            return FRIENDS;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "PUBLIC" -> PUBLIC;
            case "FRIENDS" -> FRIENDS;
            default -> PRIVATE;
        };
    }
}
