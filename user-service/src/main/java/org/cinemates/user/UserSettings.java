package org.cinemates.user;

import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import org.cinemates.platform.ratelimit.Allowance;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * user-service settings.
 *
 * @param accessTokenTtl lifetime of access tokens; 15 minutes at most
 * @param refreshTokenTtl lifetime of a refresh token (each rotation starts it again)
 * @param admins usernames whose accounts get the ADMIN role: the accounts holding them when the
 *     setting is first read with them, never a later holder of the name
 * @param keys signing key handling
 * @param throttle limits on login and registration attempts
 */
@Validated
@ConfigurationProperties("cinemates.users")
public record UserSettings(
        @DefaultValue("15m") @DurationMin(seconds = 10) @DurationMax(minutes = 15)
        Duration accessTokenTtl,

        @DefaultValue("30d") @DurationMin(minutes = 1) Duration refreshTokenTtl,
        @DefaultValue List<String> admins,
        @DefaultValue @Valid Keys keys,
        @DefaultValue @Valid Throttle throttle) {

    /**
     * @param rotationPeriod a new signing key is made when the newest is this old
     * @param encryptionSecret when set, private keys are stored encrypted with it (AES-GCM)
     */
    public record Keys(
            @DefaultValue("30d") @DurationMin(minutes = 1) Duration rotationPeriod,
            @Nullable String encryptionSecret) {}

    /**
     * @param loginPerAccount password attempts allowed per account and client address together;
     *     every limit must allow an attempt, so the delays grow the longer a client keeps guessing,
     *     while the member from any other client is not held back
     * @param loginPerIp failed logins allowed per client address
     * @param registerPerIp registrations allowed per client address
     */
    public record Throttle(
            @DefaultValue({"5/1m", "10/15m", "30/1d"}) List<Allowance> loginPerAccount,
            @DefaultValue("50/15m") Allowance loginPerIp,
            @DefaultValue("30/1h") Allowance registerPerIp) {}
}
