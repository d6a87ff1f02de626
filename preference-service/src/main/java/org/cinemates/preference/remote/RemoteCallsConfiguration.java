package org.cinemates.preference.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.cinemates.preference.PreferenceSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RemoteCallsConfiguration {

    @Bean
    RemoteCalls remoteCalls(
            CircuitBreakerRegistry breakers, TimeLimiterRegistry limiters, PreferenceSettings settings) {
        return new RemoteCalls(
                breakers,
                limiters,
                settings.remoteCalls().maxConcurrent(),
                settings.remoteCalls().connectTimeout());
    }
}
