package org.cinemates.user.signing;

import org.cinemates.platform.security.CinematesSecurityProperties;
import org.cinemates.platform.security.JwtVerification;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** user-service signs tokens and verifies them with its own keys, without a JWKS round trip. */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    @Bean
    JwtEncoder jwtEncoder(KeyRing keys) {
        return new NimbusJwtEncoder(keys.signingKeys());
    }

    @Bean
    JwtDecoder jwtDecoder(KeyRing keys, CinematesSecurityProperties security) {
        return JwtVerification.decoder(keys.verificationKeys(), security.jwt());
    }
}
