package org.cinemates.platform.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PlaceholderSecretsTest {

    @Test
    void placeholderSecretsAreRefusedOutsideLocalDevelopment() {
        var environment = new MockEnvironment()
                .withProperty("cinemates.security.service-token", "change-me")
                .withProperty("cinemates.redis.url", "redis://:change-me@redis:6379")
                .withProperty("spring.datasource.password", "a-real-secret");
        assertThatThrownBy(() -> PlaceholderSecrets.check(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cinemates.security.service-token")
                .hasMessageContaining("cinemates.redis.url")
                .hasMessageNotContaining("spring.datasource.password");
    }

    @Test
    void localDevelopmentMayUseThem() {
        var environment = new MockEnvironment()
                .withProperty("cinemates.security.service-token", "change-me")
                .withProperty("cinemates.local-development", "true");
        assertThatCode(() -> PlaceholderSecrets.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void realSecretsPass() {
        var environment = new MockEnvironment().withProperty("cinemates.security.service-token", "9f2c0b7e41d3");
        assertThatCode(() -> PlaceholderSecrets.check(environment)).doesNotThrowAnyException();
    }
}
