package org.cinemates.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.time.Instant;
import java.util.Map;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.TestTokens;
import org.cinemates.user.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Members see and end their sessions and change their password. */
class AccountSecurityIT extends IntegrationTest {

    @Test
    void sessionsListEveryLoginWithTheCurrentOneMarked() {
        ApiClient laptop = browser();
        Member member = register(laptop, "Lister"); // registration and login: two sessions
        ApiClient phone = browser();
        assertThat(login(phone, member.username(), "Cinemates-Phone/1.0").status())
                .isEqualTo(200);

        JsonNode items = phone.get("/api/users/me/sessions").send().json().path("items");
        assertThat(items.size()).isEqualTo(3);
        JsonNode current = items.valueStream()
                .filter(item -> item.path("current").asBoolean())
                .findFirst()
                .orElseThrow();
        assertThat(current.path("userAgent").asString()).isEqualTo("Cinemates-Phone/1.0");
        assertThat(current.propertyNames())
                .containsExactlyInAnyOrder("id", "createdAt", "lastUsedAt", "userAgent", "current");
        assertThat(Instant.parse(current.path("lastUsedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(current.path("createdAt").asString()));
        assertThat(items.valueStream().filter(item -> item.path("current").asBoolean()))
                .hasSize(1);
    }

    @Test
    void endingASessionRefusesItsAccessAndRefreshTokens() {
        ApiClient laptop = browser();
        Member member = register(laptop, "Ender");
        ApiClient stolen = browser();
        String stolenToken = login(stolen, member.username(), "Thief/1.0")
                .json()
                .path("accessToken")
                .asString();
        String stolenSession = TestTokens.payload(stolenToken).path("sid").asString();

        assertThat(laptop.delete("/api/users/me/sessions/" + stolenSession)
                        .send()
                        .status())
                .isEqualTo(204);

        assertProblem(browser().get("/api/users/me").bearer(stolenToken).send(), 401);
        assertProblem(stolen.post("/api/auth/refresh").send(), 401);
        assertThat(laptop.get("/api/users/me").send().status()).isEqualTo(200);
        assertThat(laptop.get("/api/users/me/sessions")
                        .send()
                        .json()
                        .path("items")
                        .valueStream()
                        .map(item -> item.path("id").asString()))
                .doesNotContain(stolenSession);
    }

    @Test
    void anotherMembersSessionIsNotFound() {
        Member mallory = register("Mallory");
        Member victim = register("Victim");
        String victimSession =
                TestTokens.payload(victim.accessToken()).path("sid").asString();
        assertProblem(
                mallory.browser()
                        .delete("/api/users/me/sessions/" + victimSession)
                        .send(),
                404,
                "session-not-found");
        assertThat(browser()
                        .get("/api/users/me")
                        .bearer(victim.accessToken())
                        .send()
                        .status())
                .isEqualTo(200);
        assertProblem(
                mallory.browser().delete("/api/users/me/sessions/not-a-uuid").send(), 400);
    }

    @Test
    void endingAllOtherSessionsKeepsTheCurrentOne() {
        ApiClient laptop = browser();
        Member member = register(laptop, "Cleaner");
        ApiClient phone = browser();
        String phoneToken = login(phone, member.username(), "Phone")
                .json()
                .path("accessToken")
                .asString();

        assertThat(laptop.delete("/api/users/me/sessions").send().status()).isEqualTo(204);

        assertProblem(browser().get("/api/users/me").bearer(phoneToken).send(), 401);
        assertProblem(phone.post("/api/auth/refresh").send(), 401);
        assertThat(laptop.get("/api/users/me").send().status()).isEqualTo(200);
        assertThat(laptop.get("/api/users/me/sessions")
                        .send()
                        .json()
                        .path("items")
                        .size())
                .as("the registration's session ended too")
                .isEqualTo(1);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsEveryOtherSession() {
        ApiClient laptop = browser();
        Member member = register(laptop, "Changer");
        ApiClient phone = browser();
        String phoneToken = login(phone, member.username(), "Phone")
                .json()
                .path("accessToken")
                .asString();

        assertProblem(
                laptop.put("/api/users/me/password")
                        .json(Map.of("currentPassword", "not-the-password", "newPassword", "a-new-long-passphrase"))
                        .send(),
                403,
                "wrong-password");
        JsonNode weak = assertProblem(
                laptop.put("/api/users/me/password")
                        .json(Map.of("currentPassword", PASSWORD, "newPassword", "short"))
                        .send(),
                400,
                "validation");
        assertThat(weak.toString()).contains("password");
        assertProblem(
                laptop.put("/api/users/me/password")
                        .json(Map.of("newPassword", "x"))
                        .send(),
                400);
        assertThat(browser().get("/api/users/me").bearer(phoneToken).send().status())
                .as("a refused change ends nothing")
                .isEqualTo(200);

        assertThat(laptop.put("/api/users/me/password")
                        .json(Map.of("currentPassword", PASSWORD, "newPassword", "a-new-long-passphrase"))
                        .send()
                        .status())
                .isEqualTo(204);

        assertProblem(browser().get("/api/users/me").bearer(phoneToken).send(), 401);
        assertProblem(phone.post("/api/auth/refresh").send(), 401);
        assertThat(laptop.get("/api/users/me").send().status()).isEqualTo(200);
        assertProblem(
                browser()
                        .post("/api/auth/login")
                        .json(Map.of("login", member.username(), "password", PASSWORD))
                        .send(),
                401);
        assertThat(browser()
                        .post("/api/auth/login")
                        .json(Map.of("login", member.username(), "password", "a-new-long-passphrase"))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void logoutPublishesTheSessionForOtherServicesToRefuse() {
        Member member = register("Leaver");
        String session = TestTokens.payload(member.accessToken()).path("sid").asString();
        assertProblem(browser().get("/internal/revocations").send(), 401);
        assertThat(revocations()).doesNotContain(session);

        assertThat(browser()
                        .post("/api/auth/logout")
                        .bearer(member.accessToken())
                        .send()
                        .status())
                .isEqualTo(204);

        assertThat(revocations()).contains("\"kind\":\"SESSION\",\"subject\":\"" + session + "\"");
        assertProblem(
                browser().get("/api/users/me").bearer(member.accessToken()).send(), 401);
    }

    private String revocations() {
        ApiResponse list = browser()
                .get("/internal/revocations?since=" + Instant.now().minusSeconds(60))
                .header("X-Service-Token", SERVICE_TOKEN)
                .send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("asOf").asString()).isNotEmpty();
        return list.body();
    }

    private static ApiResponse login(ApiClient client, String username, String userAgent) {
        return client.post("/api/auth/login")
                .header("User-Agent", userAgent)
                .json(Map.of("login", username, "password", PASSWORD))
                .send();
    }
}
