package org.cinemates.preference;

import org.cinemates.platform.security.CinematesSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything here is a member's own data, or made for them: every endpoint needs a member, but for
 * the community import's progress, which anyone may read (like movie-service's import status), one
 * list (a public list's share link) and a member's pages (a public profile): those decide for
 * themselves what a visitor without an account may see.
 */
@Configuration(proxyBeanMethods = false)
class PreferenceSecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, CinematesSecurity security) throws Exception {
        return security.apply(http, CinematesSecurity.none(), CinematesSecurity.none())
                .authorizeHttpRequests(auth -> security.permitOperational(auth)
                        .requestMatchers(HttpMethod.GET, "/api/preferences/import")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/preferences/lists/{id}",
                                "/api/preferences/members/{userId}/diary",
                                "/api/preferences/members/{userId}/ratings",
                                "/api/preferences/members/{userId}/lists")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .build();
    }
}
