package org.cinemates.platform.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiDefaultsTest {

    @Test
    void handlerNamesBecomeReadableSummaries() {
        assertThat(PlatformOpenApiAutoConfiguration.humanize("friendRequests")).isEqualTo("Friend requests");
        assertThat(PlatformOpenApiAutoConfiguration.humanize("me")).isEqualTo("Me");
        assertThat(PlatformOpenApiAutoConfiguration.humanize("jwks")).isEqualTo("Jwks");
    }
}
