package org.cinemates.user.account;

/**
 * What members may write into their profile. Only the username is a regular expression: a bounded
 * one, linear in its input; the rest are one-pass checks that look at the length first.
 */
public final class ProfileText {

    /** 3-30 characters of {@code a-z 0-9 _ . -}; upper case is accepted and stored lower-case. */
    public static final String USERNAME = "[A-Za-z0-9_.-]{3,30}";

    /** Display names are {@code @VisibleText(max = DISPLAY_NAME_MAX)}. */
    public static final int DISPLAY_NAME_MAX = 50;

    /** Bios are {@code @FreeText(max = BIO_MAX)}: line breaks and tabs, no other control characters. */
    public static final int BIO_MAX = 500;

    private ProfileText() {}
}
