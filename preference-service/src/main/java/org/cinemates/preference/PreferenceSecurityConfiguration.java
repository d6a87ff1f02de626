package org.cinemates.preference;

import org.cinemates.platform.security.CinematesSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything here is a member's own data, or made for them: every endpoint needs a member, but for
 * the community import's progress, which anyone may read (like movie-service's import status).
 */
@Configuration(proxyBeanMethods = false)
class PreferenceSecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, CinematesSecurity security) throws Exception {
        return security.apply(http, CinematesSecurity.none(), CinematesSecurity.none())
                .authorizeHttpRequests(auth -> security.permitOperational(auth)
                        .requestMatchers(HttpMethod.GET, "/api/preferences/import")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .build();
    }
}
