package org.cinemates.activity;

import org.cinemates.platform.security.CinematesSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every activity read needs a member, but for one member's activity, which a visitor without an
 * account may read when the member made it public; which member may read what is decided by the
 * feed itself.
 * {@code /internal/**} (the ingest) is guarded by the platform's service-credential chain.
 */
@Configuration(proxyBeanMethods = false)
class ActivitySecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, CinematesSecurity security) throws Exception {
        return security.apply(http, CinematesSecurity.none(), CinematesSecurity.none())
                .authorizeHttpRequests(auth -> security.permitOperational(auth)
                        .requestMatchers(HttpMethod.GET, "/api/activities/users/{userId}")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .build();
    }
}
