package org.cinemates.user.account;

/** Who may see a member's ratings, reviews, diary, lists and activity. */
public enum Visibility {
    /** Everyone, visitors without an account too. */
    PUBLIC,
    /** Friends only; the default. */
    FRIENDS,
    /** Nobody but the member. */
    PRIVATE
}
