package org.cinemates.platform.shared;

import java.time.Clock;
import org.cinemates.platform.http.PlatformClientsAutoConfiguration;
import org.cinemates.platform.ratelimit.RateLimiters;
import org.cinemates.platform.security.RevokedTokens;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared state (Redis when {@code cinemates.redis.url} is set), and what builds on it. */
@AutoConfiguration(after = PlatformClientsAutoConfiguration.class)
@EnableConfigurationProperties(SharedStateSettings.class)
public class PlatformSharedStateAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SharedState sharedState(SharedStateSettings settings, Clock clock) {
        return new SharedState(settings, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimiters rateLimiters(SharedState shared) {
        return new RateLimiters(shared);
    }

    @Bean
    @ConditionalOnMissingBean
    RevokedTokens revokedTokens(SharedState shared, Clock clock) {
        return new RevokedTokens(shared, clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        SharedStateHealthIndicator sharedStateHealthIndicator(SharedState shared) {
            return new SharedStateHealthIndicator(shared);
        }
    }
}
