package org.cinemates.user.account;

/** What members may write into their profile. */
public final class ProfileText {

    /** 3-30 characters of {@code a-z 0-9 _ . -}; upper case is accepted and stored lower-case. */
    public static final String USERNAME = "[A-Za-z0-9_.-]{3,30}";

    /** Visible text: at least one non-blank character and no control characters. */
    public static final String DISPLAY_NAME = "[^\\p{Cntrl}]*[^\\p{Cntrl}\\s][^\\p{Cntrl}]*";

    /** Free text with line breaks and tabs, but no other control characters. */
    public static final String BIO = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    private ProfileText() {}
}
