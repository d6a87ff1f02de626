package org.cinemates.preference.diary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cinemates.platform.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

/** What a viewing may hold, for members typing it and for files they import alike. */
public final class ViewingRules {

    public static final int MAX_REVIEW_LENGTH = 5000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_LENGTH = 50;
    public static final LocalDate EARLIEST = LocalDate.of(1870, 1, 1);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal FIVE = new BigDecimal("5.0");

    private ViewingRules() {}

    /**
     * The latest day it is anywhere on Earth: a member far east may log tonight's film while it is
     * still yesterday here.
     */
    public static LocalDate latestDay(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(14));
    }

    /** @return why the day cannot be a viewing's, or null */
    public static @Nullable String checkDay(LocalDate day, Clock clock) {
        if (day.isAfter(latestDay(clock))) {
            return "must not be in the future";
        }
        if (day.isBefore(EARLIEST)) {
            return "must be in or after 1870";
        }
        return null;
    }

    public static boolean isHalfStars(BigDecimal score) {
        return score.compareTo(HALF) >= 0
                && score.compareTo(FIVE) <= 0
                && score.remainder(HALF).signum() == 0;
    }

    /** The review as stored: stripped, null when blank. */
    public static @Nullable String review(@Nullable String review) {
        return review == null || review.isBlank() ? null : review.strip();
    }

    /**
     * The tags as stored: stripped, blank ones dropped, each once (ignoring case), in the order given.
     *
     * @throws ValidationFailed naming {@code tags} when there are too many, one is too long, or one
     *     holds a control character
     */
    public static List<String> tags(@Nullable List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new ValidationFailed("tags", "must be at most " + MAX_TAGS + " tags");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        for (String tag : tags) {
            if (tag == null) {
                throw new ValidationFailed("tags", "must not hold null");
            }
            String stripped = tag.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (stripped.length() > MAX_TAG_LENGTH) {
                throw new ValidationFailed("tags", "each tag must be at most " + MAX_TAG_LENGTH + " characters");
            }
            if (stripped.chars().anyMatch(Character::isISOControl)) {
                throw new ValidationFailed("tags", "must not hold control characters");
            }
            if (seen.add(stripped.toLowerCase(Locale.ROOT))) {
                kept.add(stripped);
            }
        }
        return List.copyOf(kept);
    }
}
