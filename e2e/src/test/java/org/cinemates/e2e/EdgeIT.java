package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** What nginx adds in front of the services. */
@Order(2)
class EdgeIT extends EndToEnd {

    @Test
    void unknownApiPathsAreProblemNotFound() {
        assertProblem(browser().get("/api/nope").send(), 404);
        assertProblem(browser().get("/api/").send(), 404);
        assertProblem(browser().post("/api/nothing/here").json(Map.of()).send(), 404);
    }

    @Test
    void internalAndActuatorPathsAreNeverRouted() {
        String token = serviceToken();
        for (String path : new String[] {
            "/internal/users/1/friend-ids",
            "/internal/keys/rotate",
            "/actuator/health",
            "/actuator/prometheus",
            "/api/users/../../internal/users/1/friend-ids",
            "/api/users/%2e%2e/%2e%2e/internal/users/1/friend-ids",
            "/api/users/..%2F..%2Finternal/users/1/friend-ids",
            "/./internal/users/1/friend-ids",
            "/api//../internal/users/1/friend-ids"
        }) {
            ApiResponse response =
                    browser().get(path).header("X-Service-Token", token).send();
            assertThat(response.status()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("friendIds");
        }
        assertThat(browser()
                        .post("/internal/keys/rotate")
                        .header("X-Service-Token", token)
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (ApiResponse response : new ApiResponse[] {
            browser().get("/api/auth/jwks.json").send(),
            browser().get("/api/users/me").send(),
            browser().get("/api/nope").send(),
            browser().get("/").send()
        }) {
            assertThat(response.header("content-security-policy").orElse("")).contains("frame-ancestors 'none'");
            assertThat(response.header("x-content-type-options")).contains("nosniff");
            assertThat(response.header("referrer-policy")).isPresent();
            assertThat(response.headers().allValues("x-content-type-options")).hasSize(1);
            assertThat(response.header("server").orElse("")).doesNotContainPattern("[0-9]");
        }
    }

    @Test
    void requestIdsAreEchoedAndPassedOn() {
        ApiResponse given = browser()
                .get("/api/users/me")
                .header("X-Request-Id", "journey-42")
                .send();
        assertThat(given.header("x-request-id")).contains("journey-42");
        ApiResponse made = browser().get("/api/users/me").send();
        assertThat(made.header("x-request-id").orElse("")).matches("[A-Za-z0-9._-]{16,64}");
        ApiResponse hostile = browser()
                .get("/api/users/me")
                .header("X-Request-Id", "<script>")
                .send();
        assertThat(hostile.header("x-request-id").orElse("")).doesNotContain("<");
    }

    @Test
    void theTraceIdOfAProblemComesFromTheCallersTraceparent() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        ApiResponse response = browser()
                .get("/api/users/me")
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .send();
        assertThat(response.json().path("traceId").asString()).isEqualTo(traceId);
    }

    @Test
    void bodiesOverOneMegabyteAre413() {
        String big = "{\"login\":\"" + "x".repeat(1_100_000) + "\",\"password\":\"y\"}";
        assertProblem(browser().post("/api/auth/login").rawJson(big).send(), 413);
    }

    @Test
    void jsonIsCompressed() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/auth/jwks.json"))
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("content-encoding")).contains("gzip");
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            in.transferTo(plain);
        }
        assertThat(plain.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"keys\"");
    }

    @Test
    void theSiteIsServedAtTheRoot() {
        ApiResponse page = browser().get("/").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Cinemates");
    }
}
