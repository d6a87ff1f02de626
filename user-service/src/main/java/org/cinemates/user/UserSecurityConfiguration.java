package org.cinemates.user;

import org.cinemates.platform.security.CinematesSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/** Who may call what: sign-up, sign-in and public profiles are open, the rest needs a member. */
@Configuration(proxyBeanMethods = false)
class UserSecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, CinematesSecurity security) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        var authEndpoints = paths.matcher("/api/auth/**");
        var sessionEndpoints = new OrRequestMatcher(
                paths.matcher(HttpMethod.POST, "/api/auth/refresh"),
                paths.matcher(HttpMethod.POST, "/api/auth/logout"));
        return security.apply(http, authEndpoints, sessionEndpoints)
                .authorizeHttpRequests(auth -> security.permitOperational(auth)
                        .requestMatchers("/api/auth/**")
                        .permitAll()
                        .requestMatchers("/api/users/me", "/api/users/me/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/users", "/api/users/{id}")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .build();
    }
}
