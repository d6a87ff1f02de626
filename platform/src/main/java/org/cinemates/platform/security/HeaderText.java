package org.cinemates.platform.security;

/**
 * The rules of Spring Security's strict firewall for header names, header values and parameter
 * names, as plain loops: every code point assigned in Unicode and none a control character (a tab
 * is allowed in values). The firewall's own regular expressions ({@code
 * [\p{IsAssigned}&&[^\p{IsControl}]]*}) cost about a microsecond per character of a bearer token on
 * every request; printable ASCII, nearly everything a request carries, is accepted here at once.
 */
final class HeaderText {

    private HeaderText() {}

    static boolean isAllowedName(String text) {
        return isAllowed(text, false);
    }

    static boolean isAllowedValue(String text) {
        return isAllowed(text, true);
    }

    private static boolean isAllowed(String text, boolean tabAllowed) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
