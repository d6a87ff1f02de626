package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.RawHttp;
import org.cinemates.platform.test.TestTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client sends, through nginx or straight at a service: never a 5xx, never an HTML
 * page, never an answer that one client's odd request makes everybody else get.
 */
@Order(7)
class EdgeProblemsIT extends EndToEnd {

    /** A 4xx, or the two 5xx that say the protocol itself is not spoken (method, version). */
    private static void assertProblemAnswer(RawHttp.Answer answer, String what) {
        assertThat(answer.status() < 500 || answer.status() == 501 || answer.status() == 505)
                .as("%s: %s", what, answer)
                .isTrue();
        assertThat(answer.status()).as("%s: %s", what, answer).isGreaterThanOrEqualTo(400);
        assertThat(answer.contentType()).as("%s: %s", what, answer).startsWith("application/problem+json");
        assertThat(answer.body()).as(what).contains("\"type\":\"urn:cinemates:problem:");
    }

    @Test
    void anOddAcceptHeaderNeverPoisonsTheCatalogueCache() {
        long id = movieIds(1).get(0);
        for (String accept : new String[] {";;;q=x", "text/csv"}) {
            // A path no one asked for yet: what the odd request gets is what would be cached.
            String path = "/api/movies/" + id + "?probe=" + UUID.randomUUID();
            ApiResponse odd = browser().get(path).header("Accept", accept).send();
            assertProblem(odd, odd.status());
            assertThat(odd.status()).as("Accept %s", accept).isBetween(400, 499);
            for (int i = 0; i < 2; i++) {
                ApiResponse plain = browser().get(path).send();
                assertThat(plain.status())
                        .as("plain request %d after Accept %s: %s", i, accept, plain)
                        .isEqualTo(200);
                assertThat(plain.json().path("id").asLong()).isEqualTo(id);
            }
        }
    }

    @Test
    void requestsNginxRefusesAreProblems() {
        int port = Services.edgePort();
        long id = movieIds(1).get(0);
        String[] heads = {
            "GET /api/users/me HTTP/2.0",
            "GET /api/movies/" + id + "?probe=" + UUID.randomUUID() + " HTTP/1.1\r\nIf-Match: \"garbage\"",
            "GET /api/movies/caf\u00e9 HTTP/1.1",
            "GET /api/movies/a%2Fb HTTP/1.1",
            // Dot segments that leave /api once nginx decodes them: never the web app's page.
            "GET /api/users/me/friends/..%2F..%2F..%2F..%2Fetc%2Fpasswd HTTP/1.1",
            "GET /api/..%2Ffavicon.svg HTTP/1.1",
            "GET /api/movies/1 HTTP/1.1\r\nX-Odd: a\u0001b",
            "CONNECT 127.0.0.1:80 HTTP/1.1",
            "BREW /api/movies HTTP/1.1",
            "POST /api/auth/login HTTP/1.1\r\nTransfer-Encoding: gzip",
        };
        for (String head : heads) {
            // The If-Match request reads a cached movie first, so nginx itself decides the 412.
            if (head.contains("If-Match")) {
                String path = head.substring(4, head.indexOf(' ', 4));
                assertThat(browser().get(path).send().status()).isEqualTo(200);
            }
            RawHttp.Answer answer = RawHttp.send(
                    "127.0.0.1",
                    port,
                    (head + "\r\nHost: localhost").getBytes(StandardCharsets.ISO_8859_1),
                    new byte[0]);
            assertProblemAnswer(answer, head);
        }
    }

    @Test
    void requestsServicesRefuseBeforeAnyFilterAreProblems() {
        for (var service : Services.ports().entrySet()) {
            for (String head : new String[] {
                "GET /api/movies/caf\u00e9 HTTP/1.1",
                "GET /api/movies/a%2Fb HTTP/1.1",
                "GET /api/movies/1 HTTP/1.1\r\nX-Odd: a\u0001b",
                "CONNECT 127.0.0.1:80 HTTP/1.1",
                "GET /api/users/me HTTP/1.1\r\nAccept: ;;;q=x",
            }) {
                RawHttp.Answer answer = RawHttp.send(
                        "127.0.0.1",
                        service.getValue(),
                        (head + "\r\nHost: localhost").getBytes(StandardCharsets.ISO_8859_1),
                        new byte[0]);
                assertProblemAnswer(answer, service.getKey() + " " + head);
            }
        }
    }

    @Test
    void unencodedBracesInASearchSimplySearch() {
        RawHttp.Answer answer =
                RawHttp.send("127.0.0.1", Services.edgePort(), "GET /api/movies?q={x}|[y] HTTP/1.1\r\nHost: localhost");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
    }

    @Test
    void aContentTypeRangeOrALoneSurrogateIsABadRequest() {
        for (String path : List.of("/api/auth/login", "/api/auth/register")) {
            assertProblem(
                    browser()
                            .post(path)
                            .body("{\"login\":\"a\",\"password\":\"b\"}", "application/*")
                            .send(),
                    415,
                    "unsupported-media-type");
        }
        assertProblem(
                browser()
                        .post("/api/auth/login")
                        .rawJson("{\"login\":\"nobody\",\"password\":\"\\ud800\"}")
                        .send(),
                400,
                "validation");
    }

    @Test
    void aTokenNamingAnUnknownKeyIsAlways401() {
        String forged = TestTokens.sign(
                TestTokens.claims(7, "mallory", List.of("USER")),
                TestTokens.newKey("forged-" + UUID.randomUUID()),
                "at+jwt");
        for (String path : List.of("/api/preferences/ratings", "/api/activities/feed", "/api/users/me")) {
            for (int i = 0; i < 3; i++) {
                ApiResponse answer =
                        browser().get(path).bearer(forged).withoutCookies().send();
                assertProblem(answer, 401);
            }
        }
    }

    @Test
    void aReviewWithANulCharacterIsRefusedWhereItEnters() {
        Member member = join("nul");
        long id = movieIds(1).get(0);
        ApiResponse answer = member.browser()
                .put("/api/preferences/ratings/" + id)
                .json(Map.of("score", 4.0, "review", "before\u0000after"))
                .send();
        assertProblem(answer, 400, "validation");
    }
}
