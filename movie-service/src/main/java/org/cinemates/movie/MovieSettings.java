package org.cinemates.movie;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * movie-service settings.
 *
 * @param catalogueDir a MovieLens-format folder ({@code movies.csv}, optionally {@code links.csv},
 *     {@code tags.csv}, {@code ratings.csv}); without one, the sample catalogue in the jar
 * @param catalogueImport how the catalogue is imported
 * @param cache how reads are cached, here and by HTTP caches
 */
@Validated
@ConfigurationProperties("cinemates.movies")
public record MovieSettings(
        @Nullable Path catalogueDir,
        @Name("import") @DefaultValue @Valid Import catalogueImport,
        @DefaultValue @Valid Cache cache) {

    /**
     * @param onStartup import the catalogue in the background whenever the service starts; turn it
     *     off on all but one instance when several share a database
     * @param maxReportedErrors bad rows listed in the import report (all of them are counted)
     * @param maxLineLength longest line, in bytes, that a file may have; longer lines are skipped
     */
    public record Import(
            @DefaultValue("true") boolean onStartup,
            @DefaultValue("100") @Min(0) @Max(10_000) int maxReportedErrors,
            @DefaultValue("16384") @Min(256) @Max(1_048_576) int maxLineLength) {}

    /**
     * @param ttl how long a movie read stays in this instance's cache; with several instances, an
     *     edit made through another instance shows here within this time
     * @param maxMovies movies kept in the cache
     * @param maxAge {@code Cache-Control: max-age} of movie reads (by id, by ids)
     * @param listMaxAge {@code Cache-Control: max-age} of searches and the genre list
     */
    public record Cache(
            @DefaultValue("1m") @DurationMin(seconds = 0) Duration ttl,
            @DefaultValue("50000") @Min(1) long maxMovies,
            @DefaultValue("60s") @DurationMin(seconds = 0) Duration maxAge,
            @DefaultValue("30s") @DurationMin(seconds = 0) Duration listMaxAge) {}
}
