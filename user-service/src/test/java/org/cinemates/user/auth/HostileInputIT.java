package org.cinemates.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.user.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What an anonymous attacker can send to the account endpoints, and what it costs us. */
class HostileInputIT extends IntegrationTest {

    /** Just under the 1 MB body limit: the display-name rule must not be what stops it. */
    private static final String MEGABYTE_NAME = "a".repeat(999_000) + "\u0000";

    @Test
    void aMegabyteDisplayNameIsRefusedAtOnceAtRegistration() {
        String name = uniqueName("huge");
        ApiResponse response = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> browser()
                        .post("/api/auth/register")
                        .json(Map.of(
                                "username", name,
                                "email", name + "@example.org",
                                "password", PASSWORD,
                                "displayName", MEGABYTE_NAME))
                        .send());
        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("displayName");
    }

    @Test
    void aMegabyteDisplayNameIsRefusedAtOnceInAProfileEdit() {
        Member member = register("Huge");
        for (String name : new String[] {MEGABYTE_NAME, " ".repeat(999_000) + "x\u0001"}) {
            ApiResponse response = assertTimeoutPreemptively(
                    Duration.ofSeconds(10),
                    () -> member.browser()
                            .patch("/api/users/me")
                            .json(Map.of("displayName", name))
                            .send());
            assertProblem(response, 400, "validation");
        }
    }

    @Test
    void anInvalidRegistrationNamesEveryBadFieldAtOnce() {
        ApiResponse response = browser()
                .post("/api/auth/register")
                .json(Map.of("username", "x", "email", "not-an-email", "password", "short"))
                .send();
        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("username", "email", "password");
    }

    @Test
    void aLoneSurrogateInAPasswordIsABadRequestEverywhere() {
        String name = uniqueName("surrogate");
        String register = "{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.org\",\"password\":\"correct-horse-\\ud800-battery\"}";
        assertProblem(browser().post("/api/auth/register").rawJson(register).send(), 400, "validation");
        assertProblem(
                browser()
                        .post("/api/auth/login")
                        .rawJson("{\"login\":\"nobody\",\"password\":\"\\ud800\"}")
                        .send(),
                400,
                "validation");
        Member member = register("Surrogate");
        assertProblem(
                member.browser()
                        .delete("/api/users/me")
                        .rawJson("{\"password\":\"\\udfff\"}")
                        .send(),
                400,
                "validation");
        assertThat(member.browser().get("/api/users/me").send().status()).isEqualTo(200);
    }

    @Test
    void aContentTypeRangeIsUnsupportedNotAnError() {
        for (String path : new String[] {"/api/auth/login", "/api/auth/register"}) {
            assertProblem(
                    browser()
                            .post(path)
                            .body("{\"login\":\"nobody\",\"password\":\"whatever-it-is\"}", "application/*")
                            .send(),
                    415,
                    "unsupported-media-type");
        }
    }
}
