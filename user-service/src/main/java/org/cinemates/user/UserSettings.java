package org.cinemates.user;

import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
 * @param admins usernames that get the ADMIN role
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

    public boolean isAdmin(String username) {
        return admins.stream()
                .anyMatch(admin -> admin.trim().toLowerCase(Locale.ROOT).equals(username));
    }

    /**
     * @param rotationPeriod a new signing key is made when the newest is this old
     * @param encryptionSecret when set, private keys are stored encrypted with it (AES-GCM)
     */
    public record Keys(
            @DefaultValue("30d") @DurationMin(minutes = 1) Duration rotationPeriod,
            @Nullable String encryptionSecret) {}

    /**
     * @param loginPerAccount failed logins allowed per account
     * @param loginPerIp failed logins allowed per client address
     * @param registerPerIp registrations allowed per client address
     */
    public record Throttle(
            @DefaultValue("10/15m") Allowance loginPerAccount,
            @DefaultValue("50/15m") Allowance loginPerIp,
            @DefaultValue("30/1h") Allowance registerPerIp) {}
}
