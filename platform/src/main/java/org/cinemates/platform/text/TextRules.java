package org.cinemates.platform.text;

/** The character checks behind {@link VisibleText} and {@link FreeText}, one pass each. */
public final class TextRules {

    private TextRules() {}

    /** A control character: U+0000-U+001F or U+007F (what {@code \p{Cntrl}} matches). */
    public static boolean isControl(char c) {
        return c < 0x20 || c == 0x7F;
    }

    /** Whether the text holds a control character other than those in {@code allowed}. */
    public static boolean hasControl(CharSequence text, String allowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && allowed.indexOf(c) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether every character is white space (true for the empty text). */
    public static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text is the UTF-16 of Unicode text: no surrogate without its pair. */
    public static boolean isWellFormed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
