package org.cinemates.preference.history;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Titles as matching compares them: without accents, case, punctuation or a leading article,
 * whichever way round it is written ("Matrix, The" and "The Matrix" are both {@code matrix}).
 * MovieLens titles carry other names in parentheses ("Seven (a.k.a. Se7en)", "City of Lost
 * Children, The (Cité des enfants perdus, La)"): each is a key too. Input is cut to 500 characters.
 */
final class TitleKey {

    private static final Set<String> ARTICLES =
            Set.of("the", "a", "an", "les", "la", "le", "l", "il", "el", "die", "der", "das", "los", "las", "lo");

    private TitleKey() {}

    /** Every key a catalogue title is known by. */
    static List<String> keysOf(String title) {
        String bounded = HistoryFiles.shorten(title, 500);
        List<String> keys = new ArrayList<>();
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        StringBuilder inside = new StringBuilder();
        for (int i = 0; i < bounded.length(); i++) {
            char c = bounded.charAt(i);
            if (c == '(') {
                depth++;
                if (depth == 1) {
                    inside.setLength(0);
                    continue;
                }
            } else if (c == ')' && depth > 0) {
                depth--;
                if (depth == 0) {
                    String alternative = inside.toString().strip();
                    String lower = alternative.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("a.k.a.")) {
                        alternative = alternative.substring(6);
                    } else if (lower.startsWith("aka ")) {
                        alternative = alternative.substring(4);
                    }
                    add(keys, alternative);
                    continue;
                }
            }
            (depth > 0 ? inside : outside).append(c);
        }
        add(keys, outside.toString());
        add(keys, bounded);
        return keys;
    }

    /** The key of a title as a member's file writes it. */
    static String of(String title) {
        return normalize(HistoryFiles.shorten(title, 500));
    }

    private static void add(List<String> keys, String title) {
        String key = normalize(title);
        if (!key.isEmpty() && !keys.contains(key)) {
            keys.add(key);
        }
    }

    static String normalize(String title) {
        String stripped = Normalizer.normalize(title, Normalizer.Form.NFD);
        StringBuilder words = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == '&') {
                words.append(" and ");
            } else if (Character.isLetterOrDigit(c)) {
                words.append(Character.toLowerCase(c));
            } else if (c == '\'' || c == '\u2019') {
                // "Schindler's" is one word.
                continue;
            } else {
                words.append(' ');
            }
        }
        List<String> parts = new ArrayList<>();
        for (String part : words.toString().split(" ")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        // "Matrix, The": a trailing article after a comma moves nowhere, it just goes.
        String lower = title.strip().toLowerCase(Locale.ROOT);
        int comma = lower.lastIndexOf(", ");
        if (parts.size() > 1
                && comma > 0
                && ARTICLES.contains(lower.substring(comma + 2).replace("'", ""))) {
            parts.remove(parts.size() - 1);
        } else if (parts.size() > 1 && ARTICLES.contains(parts.get(0))) {
            parts.remove(0);
        }
        return String.join(" ", parts);
    }
}
