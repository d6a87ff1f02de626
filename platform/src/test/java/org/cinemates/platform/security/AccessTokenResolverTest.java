package org.cinemates.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/** The resolver's own reading of a bearer header gives what Spring Security's gives, token or refusal. */
class AccessTokenResolverTest {

    private final AccessTokenResolver resolver = new AccessTokenResolver(AnyRequestMatcher.INSTANCE);
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void readsEveryHeaderAsSpringSecurityDoes() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer abc.DEF-ghi_jkl~mno+pqr/stu",
                "Bearer abc==",
                "Bearer abc=",
                "Bearer abc=d",
                "Bearer =",
                "Bearer ",
                "Bearer",
                "bearer abc",
                "BEARER abc",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer a\tb",
                "Bearer ab\u00e9c",
                "Bearer abc\r\n",
                "Basic dXNlcjpwYXNz",
                "",
                "Bearerabc",
                "Bearer " + "x".repeat(5000)));
        SplittableRandom random = new SplittableRandom(3);
        String alphabet = "aZ09-._~+/= \t:\u00e9\u0000";
        for (int k = 0; k < 20_000; k++) {
            StringBuilder header = new StringBuilder(random.nextInt(4) == 0 ? "bearer " : "Bearer ");
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(outcome(resolver, header)).as("%s", header).isEqualTo(outcome(spring, header));
        }
    }

    @Test
    void aTokenParameterBesideTheHeaderIsReadAsSpringSecurityReadsIt() {
        for (String method : new String[] {"GET", "POST"}) {
            java.util.function.Supplier<MockHttpServletRequest> request = () -> {
                MockHttpServletRequest r = new MockHttpServletRequest(method, "/api/things");
                r.addHeader(HttpHeaders.AUTHORIZATION, "Bearer abc");
                r.setContentType("application/x-www-form-urlencoded");
                r.setParameter("access_token", "other");
                return r;
            };
            assertThat(outcome(resolver, request.get())).as(method).isEqualTo(outcome(spring, request.get()));
        }
    }

    @Test
    void aPostedJsonBodyIsNeverReadForATokenParameter() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
        request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer abc");
        request.setContentType("application/json");
        request.setContent("{\"access_token\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(resolver.resolve(request)).isEqualTo("abc");
    }

    private static @Nullable String outcome(
            org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
        request.addHeader(HttpHeaders.AUTHORIZATION, header);
        return outcome(resolver, request);
    }

    private static @Nullable String outcome(
            org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver,
            MockHttpServletRequest request) {
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
