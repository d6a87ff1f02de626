package org.cinemates.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's header rules, checked against the regular expressions Spring Security uses. */
class HeaderTextTest {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithTheFirewallsExpressionsOnEveryCharacter() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "Bearer " + Character.toString(codePoint) + "x";
            assertThat(HeaderText.isAllowedName(text))
                    .as("name U+%04X", codePoint)
                    .isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderText.isAllowedValue(text))
                    .as("value U+%04X", codePoint)
                    .isEqualTo(VALUE.matcher(text).matches());
        }
    }

    @Test
    void agreesWithTheFirewallsExpressionsOnRandomText() {
        SplittableRandom random = new SplittableRandom(17);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                // Mostly the characters requests carry, some controls, lone surrogates and the rest.
                switch (random.nextInt(4)) {
                    case 0 -> text.append((char) random.nextInt(0x20, 0x7f));
                    case 1 -> text.append((char) random.nextInt(0, 0x20));
                    case 2 -> text.append((char) random.nextInt(0xd800, 0xe000));
                    default -> text.appendCodePoint(random.nextInt(0, Character.MAX_CODE_POINT + 1));
                }
            }
            String s = text.toString();
            assertThat(HeaderText.isAllowedName(s))
                    .as(s)
                    .isEqualTo(NAME.matcher(s).matches());
            assertThat(HeaderText.isAllowedValue(s))
                    .as(s)
                    .isEqualTo(VALUE.matcher(s).matches());
        }
    }

    @Test
    void refusesWhatAnAttackerWouldHide() {
        for (String bad : List.of("a\r\nSet-Cookie: x=1", "a\u0000b", "a\u007fb", "a\u0085b", "\u0378")) {
            assertThat(HeaderText.isAllowedValue(bad)).as(bad).isFalse();
            assertThat(HeaderText.isAllowedName(bad)).as(bad).isFalse();
        }
        assertThat(HeaderText.isAllowedValue("a\tb")).isTrue();
        assertThat(HeaderText.isAllowedName("a\tb")).isFalse();
        assertThat(HeaderText.isAllowedValue("Amélie 🎬")).isTrue();
    }
}
