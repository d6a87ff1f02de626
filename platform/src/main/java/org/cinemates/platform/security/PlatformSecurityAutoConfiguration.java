package org.cinemates.platform.security;

import org.cinemates.platform.config.PlaceholderSecrets;
import org.cinemates.platform.shared.PlatformSharedStateAutoConfiguration;
import org.cinemates.platform.web.PlatformWebAutoConfiguration;
import org.cinemates.platform.web.ProblemWriter;
import org.cinemates.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.client.RestClient;

/**
 * Token verification for every service, and the guard on {@code /internal/**}: only callers with
 * the service credential get through.
 */
@AutoConfiguration(
        after = {PlatformWebAutoConfiguration.class, PlatformSharedStateAutoConfiguration.class},
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(CinematesSecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformSecurityAutoConfiguration.class);

    /** No secret everybody knows outside local development. */
    @Bean
    InitializingBean placeholderSecretsRefused(Environment environment) {
        return () -> PlaceholderSecrets.check(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(CinematesSecurityProperties properties) {
        return JwtVerification.remoteDecoder(properties.jwt());
    }

    @Bean
    @ConditionalOnMissingBean
    RevocationSource revocationSource(
            CinematesSecurityProperties properties, ObjectProvider<RestClient.Builder> builder) {
        return new HttpRevocationSource(
                builder.getIfAvailable(RestClient::builder),
                properties.revocationsUri(),
                properties.serviceToken(),
                properties.jwt().jwksTimeout());
    }

    /** Revocations reach this instance from user-service's list even without Redis. */
    @Bean
    RevocationFeed revocationFeed(
            RevocationSource source, RevokedTokens revoked, CinematesSecurityProperties properties) {
        return new RevocationFeed(source, revoked, properties.revocations().pollInterval());
    }

    /**
     * Spring Security would wrap every filter, authentication and authorization of every request
     * in an observation of its own; the HTTP server observation already times each request and
     * carries its trace, at a fraction of the cost.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Tokens verified lately are remembered; revocation is checked on every request all the same. */
    @Bean
    CinematesSecurity cinematesSecurity(
            JwtDecoder decoder, CinematesSecurityProperties properties, ProblemWriter problems, RevokedTokens revoked) {
        var remembered = new RememberedTokens(decoder, JwtVerification.validator(properties.jwt()));
        return new CinematesSecurity(revoked.guard(remembered), problems);
    }

    /**
     * Spring Security's strict firewall, with its header and parameter-name rules checked by {@link
     * HeaderText} instead of a regular expression per character (the same rules, at a fraction of
     * the cost for a bearer token of a thousand characters).
     */
    @Bean
    @ConditionalOnMissingBean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderText::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderText::isAllowedValue);
        firewall.setAllowedParameterNames(HeaderText::isAllowedName);
        return firewall;
    }

    @Bean
    WebSecurityCustomizer cinematesFirewall(HttpFirewall firewall) {
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    @Order(1)
    SecurityFilterChain internalApi(HttpSecurity http, CinematesSecurityProperties properties, ProblemWriter problems)
            throws Exception {
        if (properties.serviceToken() == null || properties.serviceToken().isBlank()) {
            log.warn("cinemates.security.service-token is not set: /internal endpoints refuse every caller");
        }
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        return http.securityMatcher("/internal/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(
                        new ServiceCredentialFilter(properties.serviceToken()), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ServiceCredential.ROLE))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problems)))
                .build();
    }

    /** Requests the firewall refuses (encoded slashes, path traversal) get a 400 problem. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(
                request,
                response,
                Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", "The request URL is not allowed"));
    }
}
