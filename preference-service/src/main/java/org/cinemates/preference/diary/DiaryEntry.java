package org.cinemates.preference.diary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One viewing of a movie by a member.
 *
 * @param score half stars, or null when the member gave none
 * @param review the member's words, never blank
 * @param tags the member's tags, in their order
 * @param importId the import that added it, if one did
 */
public record DiaryEntry(
        long id,
        long userId,
        long movieId,
        LocalDate watchedOn,
        @Nullable BigDecimal score,
        @Nullable String review,
        boolean rewatch,
        List<String> tags,
        boolean liked,
        Instant createdAt,
        @Nullable Long importId) {}
