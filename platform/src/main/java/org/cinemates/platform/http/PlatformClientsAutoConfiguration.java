package org.cinemates.platform.http;

import java.time.Clock;
import org.cinemates.platform.security.CinematesSecurityProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/** Typed service clients and the clock every service reads time from. */
@AutoConfiguration(afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@EnableConfigurationProperties(CinematesSecurityProperties.class)
public class PlatformClientsAutoConfiguration {

    @Bean
    @ConditionalOnBean(RestClient.Builder.class)
    ServiceClients serviceClients(RestClient.Builder builder, CinematesSecurityProperties properties) {
        return new ServiceClients(builder, properties.serviceToken());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
