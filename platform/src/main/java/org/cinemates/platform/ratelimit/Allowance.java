package org.cinemates.platform.ratelimit;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * How many uses a key gets per period, written as {@code "10/15m"} in configuration.
 *
 * @param uses uses per period, at least 1
 * @param per the period over which they refill
 */
public record Allowance(int uses, Duration per) {

    public Allowance {
        if (uses < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("An allowance needs at least one use per positive period");
        }
    }

    /** Parses {@code "<uses>/<duration>"}, e.g. {@code "10/15m"} or {@code "30/1h"}. */
    public static Allowance valueOf(String text) {
        int slash = text.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("Expected <uses>/<period> such as 10/15m, got '" + text + "'");
        }
        return new Allowance(
                Integer.parseInt(text.substring(0, slash).trim()),
                DurationStyle.detectAndParse(text.substring(slash + 1).trim()));
    }

    @Override
    public String toString() {
        return uses + "/" + per;
    }
}
