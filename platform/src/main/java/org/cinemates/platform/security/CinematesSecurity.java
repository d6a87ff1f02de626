package org.cinemates.platform.security;

import jakarta.servlet.DispatcherType;
import org.cinemates.platform.web.ProblemWriter;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security set-up every service's API shares: stateless, an OAuth2 resource server that reads
 * the token from the Bearer header or the {@code access_token} cookie, CSRF for cookie requests,
 * and problem-details answers for 401 and 403. A service adds only its authorization rules:
 *
 * <pre>{@code
 * security.apply(http, CinematesSecurity.none(), CinematesSecurity.none())
 *     .authorizeHttpRequests(auth -> security.permitOperational(auth).anyRequest().authenticated());
 * }</pre>
 */
public class CinematesSecurity {

    private final JwtDecoder decoder;
    private final ProblemWriter problems;

    public CinematesSecurity(JwtDecoder decoder, ProblemWriter problems) {
        this.decoder = decoder;
        this.problems = problems;
    }

    /** Matches nothing: for services without such endpoints. */
    public static RequestMatcher none() {
        return request -> false;
    }

    /**
     * @param cookieIgnored requests whose access-token cookie is not read
     * @param sessionEndpoints requests that act on the session cookies themselves (see {@link
     *     CsrfProtectionFilter})
     */
    public HttpSecurity apply(HttpSecurity http, RequestMatcher cookieIgnored, RequestMatcher sessionEndpoints)
            throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        var accessDenied = new ProblemAccessDeniedHandler(problems);
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .oauth2ResourceServer(server -> server.bearerTokenResolver(new AccessTokenResolver(cookieIgnored))
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(entryPoint.failureHandler());
                                return filter;
                            }
                        }))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .addFilterAfter(
                        new CsrfProtectionFilter(sessionEndpoints, problems), BearerTokenAuthenticationFilter.class);
    }

    /** Error pages, health, metrics and the OpenAPI description need no token. */
    public AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry permitOperational(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        return auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                .permitAll()
                .requestMatchers(
                        "/error", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**")
                .permitAll();
    }

    static JwtAuthenticationConverter authenticationConverter() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(CurrentUserArgumentResolver.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
