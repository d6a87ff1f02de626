package org.cinemates.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.nio.charset.StandardCharsets;
import org.cinemates.platform.PlatformTestApplication;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whichever layer refuses a request (Tomcat before any filter, a platform filter, Spring MVC), the
 * answer is a problem, and an error answer is never marked cacheable.
 */
@SpringBootTest(
        classes = PlatformTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "cinemates.security.jwt.jwks-uri=http://127.0.0.1:1/api/auth/jwks.json"
        })
class ProblemAnswersIT {

    @LocalServerPort
    int port;

    private ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    private RawHttp.Answer raw(String head) {
        return RawHttp.send("127.0.0.1", port, head + "\r\nHost: localhost");
    }

    @Test
    void anAcceptHeaderThatDoesNotParseIsABadRequestNeverCached() {
        ApiResponse answer =
                client().get("/public/cached").header("Accept", ";;;q=x").send();
        assertProblem(answer, 400, "validation");
        assertThat(answer.header("Cache-Control")).hasValue("no-store");
        assertThat(client().get("/public/cached").send().status()).isEqualTo(200);
    }

    @Test
    void anAnswerThatFailsAfterItsCachingHeadersWereSetIsNotStored() {
        ApiResponse cached = client().get("/public/cached").send();
        assertThat(cached.header("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("public"));

        ApiResponse refused =
                client().get("/public/cached").header("Accept", "text/csv").send();
        assertThat(refused.status()).isEqualTo(406);
        assertThat(refused.header("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aContentTypeRangeOrGarbageIsUnsupported() {
        for (String type : new String[] {"application/*", "*/*", ";;;", "json"}) {
            ApiResponse answer = client().post("/public/notes")
                    .body("{\"text\":\"hi\",\"stars\":3,\"tags\":[]}", type)
                    .send();
            assertThat(answer.status()).as("Content-Type %s: %s", type, answer).isBetween(400, 499);
            assertThat(answer.contentType()).as("Content-Type %s", type).startsWith("application/problem+json");
        }
        assertProblem(client().post("/public/notes").body("{}", "application/*").send(), 415, "unsupported-media-type");
    }

    @Test
    void bracesAndPipesInAQueryAreSimplyText() {
        RawHttp.Answer answer = raw("GET /public/search?q={x}|[] HTTP/1.1");
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).as("too long for q, but read").contains("\"field\":\"q\"");
        RawHttp.Answer fits = raw("GET /public/search?q={x} HTTP/1.1");
        assertThat(fits.status()).as("%s", fits).isEqualTo(200);
    }

    @Test
    void requestsTomcatRefusesGetProblemsNotHtml() {
        String[] heads = {
            "GET /public/a%2Fb HTTP/1.1",
            "GET /public/caf\u00e9 HTTP/1.1",
            "GET /public/search?q=a HTTP/1.1\r\nX-Odd: a\u0001b",
            "GET /public/search?q=a HTTP/2.0",
            "CONNECT 127.0.0.1:80 HTTP/1.1",
            "GET /public/%ZZ HTTP/1.1",
        };
        for (String head : heads) {
            RawHttp.Answer answer = RawHttp.send(
                    "127.0.0.1",
                    port,
                    (head + "\r\nHost: localhost").getBytes(StandardCharsets.ISO_8859_1),
                    new byte[0]);
            assertThat(answer.status()).as("%s: %s", head, answer).isBetween(400, 505);
            assertThat(answer.contentType()).as("%s: %s", head, answer).startsWith("application/problem+json");
            assertThat(answer.body()).as(head).contains("\"type\":\"urn:cinemates:problem:");
            assertThat(answer.header("Cache-Control")).as(head).hasValue("no-store");
        }
    }
}
