package org.cinemates.preference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * preference-service settings. How long each dependency may take and when its circuit breaker
 * opens are Resilience4j settings ({@code resilience4j.timelimiter.instances.<service>} and
 * {@code resilience4j.circuitbreaker.instances.<service>}).
 *
 * @param moviesUrl movie-service's base URL
 * @param usersUrl user-service's base URL
 * @param activitiesUrl activity-service's base URL
 * @param remoteCalls how calls to other services are run
 * @param movieCache how movies fetched from movie-service are kept
 * @param recommendations how the popularity recommendations are made
 * @param home what the start page shows
 * @param ratingsDir a folder whose {@code ratings.csv} (MovieLens format) is imported as community
 *     ratings at start-up; empty for none
 * @param recommender how the learned recommender is trained and served
 */
@Validated
@ConfigurationProperties("cinemates.preferences")
public record PreferenceSettings(
        @DefaultValue("http://127.0.0.1:8082") URI moviesUrl,
        @DefaultValue("http://127.0.0.1:8081") URI usersUrl,
        @DefaultValue("http://127.0.0.1:8083") URI activitiesUrl,
        @DefaultValue @Valid RemoteCalls remoteCalls,
        @DefaultValue @Valid MovieCache movieCache,
        @DefaultValue @Valid Recommendations recommendations,
        @DefaultValue @Valid Home home,
        @DefaultValue("") String ratingsDir,
        @DefaultValue @Valid Recommender recommender,
        @DefaultValue @Valid People people) {

    /**
     * @param maxConcurrent calls to other services in flight at once; beyond that a call fails at
     *     once as if the service were down (so a slow dependency cannot take every thread)
     * @param connectTimeout how long to wait for a connection to another service
     */
    public record RemoteCalls(
            @DefaultValue("200") @Min(4) @Max(10_000) int maxConcurrent,
            @DefaultValue("1s") @DurationMin(millis = 10) Duration connectTimeout) {}

    /**
     * @param knownTtl how long a movie is remembered (titles rarely change)
     * @param unknownTtl how long "there is no such movie" is remembered
     * @param maxMovies movies (and unknown ids) kept
     */
    public record MovieCache(
            @DefaultValue("10m") @DurationMin(seconds = 0) Duration knownTtl,
            @DefaultValue("30s") @DurationMin(seconds = 0) Duration unknownTtl,
            @DefaultValue("100000") @Min(1) long maxMovies) {}

    /**
     * @param priorWeight how many ratings of the global mean each movie's average starts with
     *     (the m of the Bayesian average): the fewer ratings a movie has, the closer it stays to the
     *     mean
     * @param minAverage movies whose members' average is below this are not recommended as popular
     */
    public record Recommendations(
            @DefaultValue("5") @Min(0) @Max(10_000) int priorWeight,

            @DefaultValue("3.0") @DecimalMin("0.5") @DecimalMax("5.0")
            BigDecimal minAverage) {}

    /**
     * @param recommendations recommendations on the start page
     * @param friendActivity friends' activities on the start page
     */
    public record Home(
            @DefaultValue("10") @Min(1) @Max(100) int recommendations,
            @DefaultValue("10") @Min(1) @Max(100) int friendActivity) {}

    /**
     * @param retrainEvery how often the model is trained again (when anything changed)
     * @param retrainAfterRatings member ratings changed since the last training that start a new
     *     one at once
     * @param checkEvery how often the trainer looks whether it should train
     * @param minRatings fewer ratings than this (community and members together) train no model:
     *     the members' favourites by Bayesian average serve instead
     * @param friendsCacheTtl how long a member's friend list serves recommendations before user-service is
     *     asked again (in the background; 0: every time)
     * @param lowPriority whether training runs at the lowest CPU priority (nice 19), so that it
     *     takes only what requests leave
     */
    public record Recommender(
            @DefaultValue("30m") @DurationMin(seconds = 1) Duration retrainEvery,
            @DefaultValue("500") @Min(1) int retrainAfterRatings,
            @DefaultValue("10s") @DurationMin(millis = 100) Duration checkEvery,
            @DefaultValue("1000") @Min(1) int minRatings,
            @DefaultValue("30s") @DurationMin(seconds = 0) Duration friendsCacheTtl,
            @DefaultValue("true") boolean lowPriority) {}

    /**
     * @param friendIdsTtl how long a member's friend list, as user-service gave it, names the
     *     friends on pages asked for on every visit (a movie's summary); 0: ask every time. Access
     *     to a member's data is always decided on a fresh list.
     * @param membersTtl how long members' names and visibility, as user-service gave them, name
     *     friends on those pages, unless user-service tells of a change first; 0: ask every time.
     *     Access to a member's data is always decided on a fresh answer.
     */
    public record People(
            @DefaultValue("2s") @DurationMin(seconds = 0) Duration friendIdsTtl,
            @DefaultValue("30s") @DurationMin(seconds = 0) Duration membersTtl) {}
}
