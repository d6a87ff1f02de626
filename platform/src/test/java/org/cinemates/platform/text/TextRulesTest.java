package org.cinemates.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    record Profile(
            @Nullable @VisibleText(max = 50) String name,
            @Nullable @FreeText(max = 500) String bio) {}

    record Genre(
            @Nullable @VisibleText(max = 50, refused = "|", message = "no pipes")
            String name) {}

    private static Set<String> problems(Object value) {
        return VALIDATOR.validate(value).stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .collect(Collectors.toSet());
    }

    @Test
    void visibleTextIsOneLineWithSomethingToSee() {
        assertThat(problems(new Profile("Ann Lee", null))).isEmpty();
        assertThat(problems(new Profile("  Éva  ", null))).isEmpty();
        assertThat(problems(new Profile("😀", null))).isEmpty();
        assertThat(problems(new Profile("", null))).containsExactly("name: size must be between 1 and 50");
        assertThat(problems(new Profile("x".repeat(51), null))).containsExactly("name: size must be between 1 and 50");
        for (String bad : new String[] {"   ", "a\nb", "a\u0000", "tab\there", "\u007f", "half \ud800"}) {
            assertThat(problems(new Profile(bad, null)))
                    .as("%s", bad)
                    .containsExactly("name: must be visible text without control characters");
        }
        assertThat(problems(new Genre("Sci|Fi"))).containsExactly("name: no pipes");
    }

    @Test
    void freeTextKeepsLineBreaksAndTabsOnly() {
        assertThat(problems(new Profile(null, "Line one\r\nLine\ttwo"))).isEmpty();
        assertThat(problems(new Profile(null, ""))).isEmpty();
        assertThat(problems(new Profile(null, "nul \u0000 inside")))
                .containsExactly("bio: must not contain control characters");
        assertThat(problems(new Profile(null, "bell \u0007")))
                .containsExactly("bio: must not contain control characters");
        assertThat(problems(new Profile(null, "x".repeat(501)))).containsExactly("bio: size must be between 0 and 500");
    }

    @Test
    void messagesNeverInterpolateWhatTheClientSent() {
        assertThat(problems(new Profile("${1+1}\u0000", null)))
                .containsExactly("name: must be visible text without control characters");
    }

    /** The old patterns took minutes on a megabyte; the rules look at the length first. */
    @Test
    void aMegabyteOfTextIsRefusedAtOnce() {
        String huge = " ".repeat(1_000_000) + "\u0000";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(problems(new Profile(huge, huge))).hasSize(2);
        });
        // Even without a length limit to stop it, one pass is linear.
        long start = System.nanoTime();
        assertThat(TextRules.hasControl(huge, "")).isTrue();
        assertThat(TextRules.isBlank(huge.substring(0, 1_000_000))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
