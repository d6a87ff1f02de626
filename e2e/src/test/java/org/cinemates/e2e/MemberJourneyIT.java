package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.List;
import java.util.Map;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Two people find each other on Cinemates and become friends, through nginx, as browsers do. */
@Order(1)
class MemberJourneyIT extends EndToEnd {

    @Test
    void twoMembersMeetAndBecomeFriends() {
        Member ann = join("Ann");
        Member bob = join("Bob");

        JsonNode me = ann.browser().get("/api/users/me").send().json();
        assertThat(me.path("username").asString()).isEqualTo(ann.username());
        assertThat(me.path("email").asString()).isEqualTo(ann.username() + "@example.net");

        ApiResponse edited = ann.browser()
                .patch("/api/users/me")
                .json(Map.of("displayName", "Ann Varda", "bio", "Cléo from 5 to 7"))
                .send();
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("bio").asString()).isEqualTo("Cléo from 5 to 7");

        List<Long> found = ann.browser()
                .get("/api/users?q=" + bob.username() + "&limit=5")
                .send()
                .json()
                .path("items")
                .valueStream()
                .map(p -> p.path("id").asLong())
                .toList();
        assertThat(found).containsExactly(bob.id());
        assertThat(browser()
                        .get("/api/users/" + ann.id())
                        .send()
                        .json()
                        .path("displayName")
                        .asString())
                .isEqualTo("Ann Varda");

        ApiResponse asked = ann.browser()
                .post("/api/users/me/friend-requests")
                .json(Map.of("userId", bob.id()))
                .send();
        assertThat(asked.status()).isEqualTo(201);
        long requestId = asked.json().path("id").asLong();
        assertProblem(
                ann.browser()
                        .post("/api/users/me/friend-requests")
                        .json(Map.of("userId", bob.id()))
                        .send(),
                409);

        JsonNode incoming = bob.browser()
                .get("/api/users/me/friend-requests?direction=incoming")
                .send()
                .json();
        assertThat(incoming.path("items")
                        .get(0)
                        .path("fromUser")
                        .path("username")
                        .asString())
                .isEqualTo(ann.username());
        ApiResponse accepted = bob.browser()
                .post("/api/users/me/friend-requests/" + requestId + "/accept")
                .send();
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");

        assertThat(friendIds(ann)).containsExactly(bob.id());
        assertThat(friendIds(bob)).containsExactly(ann.id());

        assertThat(bob.browser()
                        .delete("/api/users/me/friends/" + ann.id())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(friendIds(ann)).isEmpty();
    }

    @Test
    void aSessionRefreshesLogsOutAndLogsInAgain() {
        Member cleo = join("Cleo");
        ApiClient browser = cleo.browser();
        String firstAccess = cleo.accessToken();

        ApiResponse refreshed = browser.post("/api/auth/refresh").send();
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(cleo.accessToken()).isNotEqualTo(firstAccess);
        assertThat(browser.get("/api/users/me").send().status()).isEqualTo(200);

        assertThat(browser.post("/api/auth/logout").send().status()).isEqualTo(204);
        assertProblem(browser.get("/api/users/me").send(), 401);
        assertProblem(browser.post("/api/auth/refresh").send(), 401);

        ApiResponse login = browser.post("/api/auth/login")
                .json(Map.of("login", cleo.username() + "@example.net", "password", PASSWORD))
                .send();
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("expiresIn").asInt()).isBetween(1, 900);
        assertThat(browser.get("/api/users/me").send().json().path("id").asLong())
                .isEqualTo(cleo.id());
    }

    @Test
    void apiClientsUseTheBearerHeaderWithoutCsrf() {
        Member dee = join("Dee");
        ApiClient api = browser();
        String token = api.post("/api/auth/login")
                .withoutCookies()
                .json(Map.of("login", dee.username(), "password", PASSWORD))
                .send()
                .json()
                .path("accessToken")
                .asString();

        assertThat(api.get("/api/users/me")
                        .withoutCookies()
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(200);
        ApiResponse patched = api.patch("/api/users/me")
                .withoutCookies()
                .bearer(token)
                .json(Map.of("bio", "scripted"))
                .send();
        assertThat(patched.status()).isEqualTo(200);
    }

    @Test
    void cookieChangesWithoutTheCsrfHeaderAreRefused() {
        Member eve = join("Eve");
        assertProblem(
                eve.browser()
                        .patch("/api/users/me")
                        .json(Map.of("bio", "x"))
                        .withoutCsrf()
                        .send(),
                403,
                "csrf");
        String planted = "planted-token-0123456789abcdef";
        ApiResponse forged = eve.browser()
                .patch("/api/users/me")
                .cookies("access_token=" + eve.accessToken() + "; XSRF-TOKEN=" + planted)
                .header("X-XSRF-TOKEN", planted)
                .json(Map.of("bio", "x"))
                .send();
        assertProblem(forged, 403, "csrf");
    }

    @Test
    void aReusedRefreshTokenEndsTheSession() {
        Member fay = join("Fay");
        String stolen = fay.browser().cookie("refresh_token").orElseThrow();
        String xsrf = fay.browser().cookie("XSRF-TOKEN").orElseThrow();
        assertThat(fay.browser().post("/api/auth/refresh").send().status()).isEqualTo(200);

        ApiResponse replay = browser()
                .post("/api/auth/refresh")
                .cookies("refresh_token=" + stolen + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .send();
        assertProblem(replay, 401, "invalid-refresh-token");
        assertProblem(fay.browser().post("/api/auth/refresh").send(), 401, "invalid-refresh-token");
    }

    @Test
    void forgedTokensAreRefused() {
        Member gus = join("Gus");
        String[] parts = gus.accessToken().split("\\.");
        String unsigned = java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        for (String token : List.of(unsigned, tampered, parts[0] + "." + parts[1] + ".AAAA", "garbage")) {
            assertProblem(
                    browser()
                            .get("/api/users/me")
                            .withoutCookies()
                            .bearer(token)
                            .send(),
                    401);
        }
    }

    @Test
    void leavingDeletesTheAccount() {
        Member hal = join("Hal");
        assertProblem(
                hal.browser()
                        .delete("/api/users/me")
                        .json(Map.of("password", "wrong-password-123"))
                        .send(),
                403);
        assertThat(hal.browser()
                        .delete("/api/users/me")
                        .json(Map.of("password", PASSWORD))
                        .send()
                        .status())
                .isEqualTo(204);
        assertProblem(
                browser()
                        .post("/api/auth/login")
                        .json(Map.of("login", hal.username(), "password", PASSWORD))
                        .send(),
                401);
        assertProblem(browser().get("/api/users/" + hal.id()).send(), 404);
    }

    @Test
    void badInputIsA4xxProblem() {
        Member ivy = join("Ivy");
        assertProblem(
                ivy.browser().post("/api/auth/login").rawJson("{\"login\":").send(), 400, "malformed-body");
        assertProblem(
                ivy.browser()
                        .post("/api/users/me/friend-requests")
                        .json(Map.of("userId", "abc"))
                        .send(),
                400);
        assertProblem(
                ivy.browser()
                        .post("/api/users/me/friend-requests")
                        .json(Map.of("userId", ivy.id()))
                        .send(),
                400);
        assertProblem(ivy.browser().get("/api/users?q=a&limit=1000").send(), 400, "validation");
        assertProblem(
                ivy.browser().get("/api/users/me/friend-requests?direction=up").send(), 400);
        assertProblem(
                browser()
                        .post("/api/auth/register")
                        .json(Map.of("username", "x", "email", "y", "password", "z"))
                        .send(),
                400,
                "validation");
    }

    private static List<Long> friendIds(Member member) {
        return member.browser()
                .get("/api/users/me/friends")
                .send()
                .json()
                .path("items")
                .valueStream()
                .map(p -> p.path("id").asLong())
                .toList();
    }
}
