package org.cinemates.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.TestTokens;
import org.cinemates.user.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "cinemates.users.admins=configured_admin")
class AdminRoleIT extends IntegrationTest {

    @Test
    void anOperatorGrantsAndRevokesAdminAndTheNextTokenSaysSo() {
        Member member = register("Curator");
        String path = "/internal/users/by-username/" + member.username() + "/roles/ADMIN";
        assertThat(TestTokens.roles(member.accessToken())).containsExactly("USER");

        ApiResponse granted =
                browser().put(path).header("X-Service-Token", SERVICE_TOKEN).send();
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.json()
                        .path("roles")
                        .valueStream()
                        .map(r -> r.asString())
                        .toList())
                .containsExactly("USER", "ADMIN");

        member.browser().post("/api/auth/refresh").send();
        assertThat(TestTokens.roles(member.browser().cookie("access_token").orElseThrow()))
                .containsExactly("USER", "ADMIN");

        assertThat(browser()
                        .delete(path)
                        .header("X-Service-Token", SERVICE_TOKEN)
                        .send()
                        .status())
                .isEqualTo(200);
        member.browser().post("/api/auth/refresh").send();
        assertThat(TestTokens.roles(member.browser().cookie("access_token").orElseThrow()))
                .containsExactly("USER");
    }

    @Test
    void onlyKnownRolesOfKnownMembersWithTheServiceCredential() {
        Member member = register("Curious");
        String base = "/internal/users/by-username/";
        assertProblem(browser().put(base + member.username() + "/roles/ADMIN").send(), 401);
        assertProblem(
                browser()
                        .put(base + member.username() + "/roles/ADMIN")
                        .bearer(member.accessToken())
                        .send(),
                401);
        assertProblem(
                browser()
                        .put(base + member.username() + "/roles/ROOT")
                        .header("X-Service-Token", SERVICE_TOKEN)
                        .send(),
                400,
                "validation");
        assertProblem(
                browser()
                        .put(base + "no_such_member/roles/ADMIN")
                        .header("X-Service-Token", SERVICE_TOKEN)
                        .send(),
                404,
                "user-not-found");
    }

    @Autowired
    ConfiguredAdmins configuredAdmins;

    @Test
    void aListedNameRegisteredAfterTheSettingWasReadDoesNotBecomeAdmin() {
        ApiResponse joined = browser()
                .post("/api/auth/register")
                .json(java.util.Map.of(
                        "username", "Configured_Admin", "email", "configured.admin@example.org", "password", PASSWORD))
                .send();
        assertThat(joined.status()).isEqualTo(201);
        assertThat(TestTokens.roles(accessCookie(joined))).containsExactly("USER");
    }

    @Test
    void theSettingBindsToTheAccountHoldingTheNameAndNeverToALaterHolder() {
        Member admin = register("Boss");
        configuredAdmins.bind(java.util.List.of(admin.username().toUpperCase(java.util.Locale.ROOT)));
        ApiResponse login = browser()
                .post("/api/auth/login")
                .json(java.util.Map.of("login", admin.username(), "password", PASSWORD))
                .send();
        assertThat(TestTokens.roles(login.json().path("accessToken").asString()))
                .containsExactly("USER", "ADMIN");

        assertThat(admin.browser()
                        .delete("/api/users/me")
                        .json(java.util.Map.of("password", PASSWORD))
                        .send()
                        .status())
                .isEqualTo(204);
        ApiResponse again = browser()
                .post("/api/auth/register")
                .json(java.util.Map.of(
                        "username",
                        admin.username(),
                        "email",
                        "new." + admin.username() + "@example.org",
                        "password",
                        PASSWORD))
                .send();
        assertThat(again.status()).isEqualTo(201);
        configuredAdmins.bind(java.util.List.of(admin.username())); // as at the next start
        assertThat(TestTokens.roles(accessCookie(again))).containsExactly("USER");
        ApiResponse relogin = browser()
                .post("/api/auth/login")
                .json(java.util.Map.of("login", admin.username(), "password", PASSWORD))
                .send();
        assertThat(TestTokens.roles(relogin.json().path("accessToken").asString()))
                .containsExactly("USER");
    }

    private static String accessCookie(ApiResponse response) {
        return response.setCookie("access_token").orElseThrow().split(";")[0].substring("access_token=".length());
    }
}
