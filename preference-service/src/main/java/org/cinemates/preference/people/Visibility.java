package org.cinemates.preference.people;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Who may see something of a member's: everyone, their friends, or only themselves. */
public enum Visibility {
    /** Everyone, visitors without an account too. */
    PUBLIC,
    /** The member's friends (and the member). */
    FRIENDS,
    /** Nobody but the member. */
    PRIVATE;

    /** As user-service says it: missing is the default, anything unknown hides. */
    static Visibility parse(@Nullable String value) {
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
