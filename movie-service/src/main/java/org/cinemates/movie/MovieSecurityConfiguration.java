package org.cinemates.movie;

import org.cinemates.platform.security.CinematesSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Anyone may read the catalogue; only admins change it or start an import. */
@Configuration(proxyBeanMethods = false)
class MovieSecurityConfiguration {

    static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain api(HttpSecurity http, CinematesSecurity security) throws Exception {
        return security.apply(http, CinematesSecurity.none(), CinematesSecurity.none())
                .authorizeHttpRequests(auth -> security.permitOperational(auth)
                        .requestMatchers(HttpMethod.GET, "/api/movies", "/api/movies/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/movies", "/api/movies/**")
                        .permitAll()
                        .requestMatchers("/api/movies", "/api/movies/**")
                        .hasRole(ADMIN)
                        .anyRequest()
                        .authenticated())
                .build();
    }
}
