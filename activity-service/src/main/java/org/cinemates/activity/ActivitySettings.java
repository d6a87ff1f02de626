package org.cinemates.activity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * activity-service settings.
 *
 * @param users how user-service (friend ids, names) is reached and its answers kept
 * @param ingest how incoming events are remembered
 */
@Validated
@ConfigurationProperties("cinemates.activities")
public record ActivitySettings(
        @DefaultValue @Valid Users users,
        @DefaultValue @Valid Ingest ingest) {

    /**
     * @param url user-service's base URL
     * @param connectTimeout how long to wait for a connection to user-service
     * @param readTimeout how long to wait for its answer
     * @param pauseAfterFailure after user-service failed to answer, how long requests use what is
     *     known instead of trying again (so an outage does not cost every request a timeout)
     * @param friendIdsTtl how long a member's friend ids are used before they are asked again
     *     (friendship events received here evict them at once)
     * @param friendIdsMaxIds friend ids kept fresh, summed over all members
     * @param namesMaxIds names kept in memory for the friend-ids TTL, for feed pages (about 200
     *     bytes each)
     * @param lastKnownMaxIds friend ids kept as the last known lists, used while user-service is
     *     down, summed over all members (8 bytes each)
     */
    public record Users(
            @DefaultValue("http://127.0.0.1:8081") URI url,
            @DefaultValue("1s") @DurationMin(millis = 1) Duration connectTimeout,
            @DefaultValue("2s") @DurationMin(millis = 1) Duration readTimeout,
            @DefaultValue("2s") @DurationMin(millis = 0) Duration pauseAfterFailure,
            @DefaultValue("30s") @DurationMin(millis = 0) Duration friendIdsTtl,
            @DefaultValue("2000000") @Min(1) long friendIdsMaxIds,
            @DefaultValue("100000") @Min(1) long namesMaxIds,
            @DefaultValue("5000000") @Min(1) long lastKnownMaxIds) {}

    /**
     * @param rememberEventIds how long accepted event ids are kept to count re-deliveries as
     *     duplicates; older re-deliveries still change nothing, they are only counted as ignored
     */
    public record Ingest(
            @DefaultValue("30d") @DurationMin(hours = 1) Duration rememberEventIds) {}
}
