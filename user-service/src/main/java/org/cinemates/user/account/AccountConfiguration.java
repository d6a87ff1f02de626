package org.cinemates.user.account;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** Argon2id memory in KiB: OWASP's minimum configuration is 19 MiB with 2 passes. */
    static final int ARGON2_MEMORY_KIB = 19 * 1024;

    static final int ARGON2_PASSES = 2;

    /**
     * Argon2id for new hashes; the prefix in each hash lets us move on later without resets, and
     * hashes made with weaker settings are upgraded at the member's next login.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = Map.of(
                "argon2",
                new Argon2PasswordEncoder(16, 32, 1, ARGON2_MEMORY_KIB, ARGON2_PASSES),
                "bcrypt",
                new BCryptPasswordEncoder(12));
        return new DelegatingPasswordEncoder("argon2", encoders);
    }
}
