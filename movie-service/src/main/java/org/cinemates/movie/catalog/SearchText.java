package org.cinemates.movie.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The form titles are searched in, computed once per title at import and once per query: lower
 * case, accents and other marks stripped, apostrophes dropped (so "Schindler's" is "schindlers"),
 * any other run of punctuation and white space turned into one space. "Amélie", "AMELIE" and
 * "amelie" all become {@code amelie}; "TOY-story" becomes {@code toy story}. The result holds only
 * letters, digits and single spaces, so it is safe inside a LIKE pattern.
 */
public final class SearchText {

    /** Articles MovieLens moves to the end of a title ("Godfather, The", "Fabuleux destin..., Le"). */
    private static final Set<String> ARTICLES =
            Set.of("the", "a", "an", "le", "la", "les", "l", "il", "el", "los", "las", "der", "die", "das");

    private SearchText() {}

    /**
     * A normalised query that starts with an article, written the MovieLens way.
     *
     * @param title the whole query with the article moved to the end ("godfather the")
     * @param rest the query without its article ("godfather")
     * @param article the article ("the")
     */
    public record ArticleLast(String title, String rest, String article) {}

    /** "the godfather" as MovieLens writes it ("godfather the"); empty when there is no leading article. */
    public static Optional<ArticleLast> articleLast(String normalized) {
        int space = normalized.indexOf(' ');
        if (space < 0 || !ARTICLES.contains(normalized.substring(0, space))) {
            return Optional.empty();
        }
        String article = normalized.substring(0, space);
        String rest = normalized.substring(space + 1);
        return Optional.of(new ArticleLast(rest + " " + article, rest, article));
    }

    public static String normalize(String text) {
        String decomposed = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (isMark(c) || isApostrophe(c)) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && !out.isEmpty()) {
                    out.append(' ');
                }
                pendingSpace = false;
                appendFolded(out, Character.toLowerCase(c));
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The words of a normalised text. */
    public static List<String> words(String normalized) {
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '`';
    }

    /** Letters that decomposition leaves whole but that readers type as plain Latin letters. */
    private static void appendFolded(StringBuilder out, int c) {
        switch (c) {
            case 'æ' -> out.append("ae");
            case 'œ' -> out.append("oe");
            case 'ß' -> out.append("ss");
            case 'ø' -> out.append('o');
            case 'đ', 'ð' -> out.append('d');
            case 'ł' -> out.append('l');
            case 'þ' -> out.append("th");
            case 'ı' -> out.append('i');
            default -> out.appendCodePoint(c);
        }
    }
}
