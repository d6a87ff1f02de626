package org.cinemates.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.HashMap;
import java.util.Map;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.user.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthIT extends IntegrationTest {

    @Test
    void registerAnswersWithTheUserAndLogsIn() {
        ApiClient browser = browser();
        String username = uniqueName("Reg");

        ApiResponse response = browser.post("/api/auth/register")
                .json(Map.of("username", username, "email", username + "@Example.org", "password", PASSWORD))
                .send();

        assertThat(response.status()).isEqualTo(201);
        JsonNode user = response.json();
        assertThat(user.path("id").asLong()).isPositive();
        assertThat(user.path("username").asString()).isEqualTo(username.toLowerCase());
        assertThat(user.path("displayName").asString()).isEqualTo(username.toLowerCase());
        assertThat(user.path("email").asString()).isEqualTo(username.toLowerCase() + "@example.org");
        assertThat(user.path("bio").asString()).isEmpty();
        assertThat(user.path("createdAt").asString()).endsWith("Z");
        assertThat(user.has("passwordHash")).isFalse();
        assertThat(response.header("location"))
                .contains("/api/users/" + user.path("id").asLong());

        assertThat(response.setCookie("access_token").orElseThrow())
                .contains("HttpOnly", "SameSite=Lax", "Path=/")
                .doesNotContain("Secure");
        assertThat(response.setCookie("refresh_token").orElseThrow())
                .contains("HttpOnly", "SameSite=Strict", "Path=/api/auth");
        assertThat(response.setCookie("XSRF-TOKEN").orElseThrow()).doesNotContain("HttpOnly");

        ApiResponse me = browser.get("/api/users/me").send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asLong()).isEqualTo(user.path("id").asLong());
    }

    @Test
    void registerRefusesInvalidInput() {
        String name = uniqueName("inv");
        assertInvalid(Map.of("username", "ab", "email", name + "@example.org", "password", PASSWORD), "username");
        assertInvalid(
                Map.of("username", "no spaces", "email", name + "@example.org", "password", PASSWORD), "username");
        assertInvalid(
                Map.of("username", "x".repeat(31), "email", name + "@example.org", "password", PASSWORD), "username");
        assertInvalid(Map.of("username", "émile", "email", name + "@example.org", "password", PASSWORD), "username");
        assertInvalid(Map.of("username", name, "email", "not-an-email", "password", PASSWORD), "email");
        assertInvalid(Map.of("username", name, "email", name + "@example.org", "password", "short-1"), "password");
        assertInvalid(
                Map.of("username", name, "email", name + "@example.org", "password", "p".repeat(129) + "X1!"),
                "password");
        assertInvalid(Map.of("username", name, "email", name + "@example.org", "password", "password123"), "password");
        assertInvalid(Map.of("username", name, "email", name + "@example.org", "password", "1234567890"), "password");
        assertInvalid(Map.of("username", name, "email", name + "@example.org", "password", name), "password");
        assertInvalid(Map.of("username", name, "email", name + "@example.org"), "password");
        assertInvalid(
                Map.of(
                        "username",
                        name,
                        "email",
                        name + "@example.org",
                        "password",
                        PASSWORD,
                        "displayName",
                        "bad\u0007"),
                "displayName");
    }

    private void assertInvalid(Map<String, String> body, String field) {
        ApiResponse response = browser().post("/api/auth/register").json(body).send();
        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.path("errors").findValuesAsString("field"))
                .as("%s", response)
                .contains(field);
    }

    @Test
    void usernamesAndEmailsAreUniqueWhateverTheirCase() {
        Member member = register("Taken");

        ApiResponse sameName = browser()
                .post("/api/auth/register")
                .json(Map.of(
                        "username",
                        member.username().toUpperCase(),
                        "email",
                        uniqueName("other") + "@example.org",
                        "password",
                        PASSWORD))
                .send();
        assertProblem(sameName, 409, "username-taken");

        ApiResponse sameEmail = browser()
                .post("/api/auth/register")
                .json(Map.of(
                        "username",
                        uniqueName("other"),
                        "email",
                        member.username().toUpperCase() + "@EXAMPLE.org",
                        "password",
                        PASSWORD))
                .send();
        assertProblem(sameEmail, 409, "email-taken");
    }

    @Test
    void loginWorksWithUsernameOrEmail() {
        Member member = register("Login");

        for (String login :
                new String[] {member.username(), member.username().toUpperCase(), member.username() + "@example.org"}) {
            ApiClient browser = browser();
            ApiResponse response = browser.post("/api/auth/login")
                    .json(Map.of("login", login, "password", PASSWORD))
                    .send();
            assertThat(response.status()).as(login).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(body.path("user").path("id").asLong()).isEqualTo(member.id());
            assertThat(body.path("accessToken").asString()).isNotBlank();
            assertThat(body.path("expiresIn").asLong()).isBetween(1L, 900L);
            assertThat(response.setCookie("access_token")).isPresent();
            assertThat(response.setCookie("refresh_token")).isPresent();
            assertThat(response.setCookie("XSRF-TOKEN")).isPresent();
        }
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        Member member = register("Same");

        ApiResponse wrongPassword = browser()
                .post("/api/auth/login")
                .json(Map.of("login", member.username(), "password", "not-the-password-1"))
                .send();
        ApiResponse unknownUser = browser()
                .post("/api/auth/login")
                .json(Map.of("login", uniqueName("nobody"), "password", "not-the-password-1"))
                .send();

        JsonNode a = assertProblem(wrongPassword, 401, "invalid-credentials");
        JsonNode b = assertProblem(unknownUser, 401, "invalid-credentials");
        assertThat(a.path("detail")).isEqualTo(b.path("detail"));
        assertThat(a.path("title")).isEqualTo(b.path("title"));
        assertThat(wrongPassword.setCookies()).isEmpty();
    }

    @Test
    void accessTokenWorksAsBearerWithoutCookiesOrCsrf() {
        Member member = register("Bearer");
        ApiClient client = browser();

        ApiResponse me =
                client.get("/api/users/me").bearer(member.accessToken()).send();
        assertThat(me.status()).isEqualTo(200);

        ApiResponse patch = client.patch("/api/users/me")
                .bearer(member.accessToken())
                .json(Map.of("bio", "via API"))
                .send();
        assertThat(patch.status()).isEqualTo(200);
        assertThat(patch.json().path("bio").asString()).isEqualTo("via API");
    }

    @Test
    void withoutATokenProtectedEndpointsAnswer401() {
        assertProblem(browser().get("/api/users/me").send(), 401, "unauthenticated");
        assertProblem(browser().get("/api/users/me/friends").send(), 401, "unauthenticated");
        assertThat(browser().get("/api/users/me").send().header("www-authenticate"))
                .contains("Bearer");
    }

    @Test
    void refreshRotatesBothCookies() {
        Member member = register("Rotate");
        ApiClient browser = member.browser();
        String oldRefresh = browser.cookie("refresh_token").orElseThrow();
        String oldAccess = browser.cookie("access_token").orElseThrow();

        ApiResponse refreshed = browser.post("/api/auth/refresh").send();

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().path("user").path("id").asLong()).isEqualTo(member.id());
        assertThat(browser.cookie("refresh_token").orElseThrow()).isNotEqualTo(oldRefresh);
        assertThat(browser.cookie("access_token").orElseThrow()).isNotEqualTo(oldAccess);
        assertThat(browser.get("/api/users/me").send().status()).isEqualTo(200);
        assertThat(browser.patch("/api/users/me")
                        .json(Map.of("bio", "still bound"))
                        .send()
                        .status())
                .as("the CSRF token survives refreshes")
                .isEqualTo(200);
    }

    @Test
    void reusingARefreshTokenEndsTheWholeSession() {
        Member member = register("Reuse");
        ApiClient browser = member.browser();
        String stolen = browser.cookie("refresh_token").orElseThrow();
        String xsrf = browser.cookie("XSRF-TOKEN").orElseThrow();

        assertThat(browser.post("/api/auth/refresh").send().status()).isEqualTo(200);
        String current = browser.cookie("refresh_token").orElseThrow();

        ApiResponse replay = browser.post("/api/auth/refresh")
                .cookies("refresh_token=" + stolen + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .send();
        assertProblem(replay, 401, "invalid-refresh-token");

        ApiResponse legitimate = browser.post("/api/auth/refresh")
                .cookies("refresh_token=" + current + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .send();
        assertProblem(legitimate, 401, "invalid-refresh-token");
    }

    @Test
    void refreshWithoutOrWithAnUnknownTokenIs401() {
        assertProblem(browser().post("/api/auth/refresh").send(), 401, "invalid-refresh-token");
        ApiResponse unknown = browser()
                .post("/api/auth/refresh")
                .cookies("refresh_token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA; XSRF-TOKEN=abc")
                .header("X-XSRF-TOKEN", "abc")
                .send();
        assertProblem(unknown, 401, "invalid-refresh-token");
    }

    @Test
    void refreshNeedsTheSessionsCsrfToken() {
        Member member = register("RefreshCsrf");
        ApiClient browser = member.browser();
        String refresh = browser.cookie("refresh_token").orElseThrow();

        assertProblem(browser.post("/api/auth/refresh").withoutCsrf().send(), 403, "csrf");

        ApiResponse planted = browser.post("/api/auth/refresh")
                .cookies("refresh_token=" + refresh + "; XSRF-TOKEN=attacker-chosen-value-123456")
                .header("X-XSRF-TOKEN", "attacker-chosen-value-123456")
                .send();
        assertProblem(planted, 403, "csrf");

        assertThat(browser.post("/api/auth/refresh").send().status())
                .as("refused attempts did not spend the token")
                .isEqualTo(200);
    }

    @Test
    void logoutRevokesTheRefreshTokenAndClearsCookies() {
        Member member = register("Logout");
        ApiClient browser = member.browser();
        String refresh = browser.cookie("refresh_token").orElseThrow();
        String xsrf = browser.cookie("XSRF-TOKEN").orElseThrow();
        String access = member.accessToken();

        ApiResponse logout = browser.post("/api/auth/logout").send();

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.setCookie("access_token").orElseThrow()).contains("Max-Age=0");
        assertThat(logout.setCookie("refresh_token").orElseThrow()).contains("Max-Age=0");
        assertThat(browser.cookie("access_token")).isEmpty();
        assertProblem(browser.get("/api/users/me").send(), 401);

        ApiResponse reuse = browser.post("/api/auth/refresh")
                .cookies("refresh_token=" + refresh + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .send();
        assertProblem(reuse, 401, "invalid-refresh-token");
        // A copy of the logged-out access token is dead too.
        assertProblem(browser().get("/api/users/me").bearer(access).send(), 401);
    }

    @Test
    void logoutWithoutASessionStillAnswers204() {
        assertThat(browser().post("/api/auth/logout").send().status()).isEqualTo(204);
    }

    @Test
    void csrfEndpointSetsAReadableTokenAndKeepsAnExistingOne() {
        ApiClient browser = browser();
        ApiResponse first = browser.get("/api/auth/csrf").send();
        assertThat(first.status()).isEqualTo(204);
        assertThat(first.setCookie("XSRF-TOKEN").orElseThrow())
                .doesNotContain("HttpOnly")
                .contains("Path=/");
        String token = browser.cookie("XSRF-TOKEN").orElseThrow();

        browser.get("/api/auth/csrf").send();
        assertThat(browser.cookie("XSRF-TOKEN")).contains(token);
    }

    @Test
    void cookieRequestsNeedTheCsrfHeader() {
        Member member = register("Csrf");
        ApiClient browser = member.browser();

        assertProblem(
                browser.patch("/api/users/me")
                        .json(Map.of("bio", "x"))
                        .withoutCsrf()
                        .send(),
                403,
                "csrf");
        assertProblem(
                browser.patch("/api/users/me")
                        .json(Map.of("bio", "x"))
                        .header("X-XSRF-TOKEN", "not-the-cookie-value")
                        .send(),
                403,
                "csrf");
        assertThat(browser.patch("/api/users/me")
                        .json(Map.of("bio", "x"))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPlantedCsrfCookieIsNotEnough() {
        Member victim = register("Victim");
        String access = victim.browser().cookie("access_token").orElseThrow();
        String planted = "planted-by-attacker-0123456789";

        ApiResponse forged = victim.browser()
                .patch("/api/users/me")
                .cookies("access_token=" + access + "; XSRF-TOKEN=" + planted)
                .header("X-XSRF-TOKEN", planted)
                .json(Map.of("bio", "pwned"))
                .send();

        assertProblem(forged, 403, "csrf");
        assertThat(victim.browser()
                        .get("/api/users/me")
                        .send()
                        .json()
                        .path("bio")
                        .asString())
                .isNotEqualTo("pwned");
    }

    @Test
    void aCsrfTokenOfAnotherSessionIsRefused() {
        Member victim = register("VictimTwo");
        Member attacker = register("Attacker");
        String attackersToken = attacker.browser().cookie("XSRF-TOKEN").orElseThrow();
        String access = victim.browser().cookie("access_token").orElseThrow();

        ApiResponse forged = victim.browser()
                .patch("/api/users/me")
                .cookies("access_token=" + access + "; XSRF-TOKEN=" + attackersToken)
                .header("X-XSRF-TOKEN", attackersToken)
                .json(Map.of("bio", "pwned"))
                .send();

        assertProblem(forged, 403, "csrf");
    }

    @Test
    void loginRefusesMalformedBodies() {
        assertProblem(
                browser()
                        .post("/api/auth/login")
                        .rawJson("{\"login\": \"x\", \"password\": ")
                        .send(),
                400,
                "malformed-body");
        assertProblem(
                browser()
                        .post("/api/auth/login")
                        .rawJson("{\"login\": [1], \"password\": \"x\"}")
                        .send(),
                400,
                "malformed-body");
        assertProblem(browser().post("/api/auth/login").rawJson("{}").send(), 400, "validation");
        assertProblem(browser().post("/api/auth/login").rawJson("").send(), 400, "malformed-body");
        assertProblem(
                browser()
                        .post("/api/auth/login")
                        .body("login=a&password=b", "application/x-www-form-urlencoded")
                        .send(),
                415);
        Map<String, Object> huge = new HashMap<>();
        huge.put("login", "a".repeat(2 * 1024 * 1024));
        huge.put("password", "b");
        assertProblem(browser().post("/api/auth/login").json(huge).send(), 413, "payload-too-large");
    }
}
