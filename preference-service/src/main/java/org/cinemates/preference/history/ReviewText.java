package org.cinemates.preference.history;

import org.jspecify.annotations.Nullable;

/**
 * Letterboxd writes reviews as HTML: the words are kept, the markup goes. Line breaks and
 * paragraphs become new lines; the few entities Letterboxd writes become their characters. One
 * pass over the text, no pattern matching.
 */
final class ReviewText {

    private ReviewText() {}

    /** The review's text, or null when nothing is left. */
    static @Nullable String of(String html) {
        StringBuilder text = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    break;
                }
                String tag = html.substring(i + 1, Math.min(end, i + 6)).toLowerCase(java.util.Locale.ROOT);
                if (tag.startsWith("br") || tag.startsWith("/p") || tag.startsWith("p>") || tag.startsWith("p ")) {
                    if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                        text.append('\n');
                    }
                }
                i = end + 1;
            } else if (c == '&') {
                // Only as far as the longest entity: a text of ampersands is read once, not once per ampersand.
                int end = semicolonWithin(html, i + 1, 8);
                String entity = end > i ? html.substring(i + 1, end) : "";
                String decoded = decode(entity);
                if (decoded != null) {
                    text.append(decoded);
                    i = end + 1;
                } else {
                    text.append(c);
                    i++;
                }
            } else {
                text.append(c);
                i++;
            }
        }
        String result = text.toString().strip();
        return result.isEmpty() ? null : result;
    }

    /** The index of a ';' among the {@code max} characters from {@code from}, else -1. */
    private static int semicolonWithin(String text, int from, int max) {
        int end = Math.min(text.length(), from + max);
        for (int j = from; j < end; j++) {
            if (text.charAt(j) == ';') {
                return j;
            }
        }
        return -1;
    }

    private static @Nullable String decode(String entity) {
        switch (entity) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            case "nbsp":
                return " ";
            default:
                break;
        }
        if (entity.length() > 1 && entity.charAt(0) == '#') {
            try {
                int code = entity.charAt(1) == 'x' || entity.charAt(1) == 'X'
                        ? Integer.parseInt(entity.substring(2), 16)
                        : Integer.parseInt(entity.substring(1));
                return Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
