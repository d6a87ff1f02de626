package org.cinemates.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.Map;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.user.IntegrationTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Failed logins are throttled per account and per client address (all test requests come from
 * 127.0.0.1, so the per-address allowance here is larger than the per-account one and the tests
 * spend it knowingly).
 */
@TestPropertySource(
        properties = {
            "cinemates.users.throttle.login-per-account=3/15m",
            "cinemates.users.throttle.login-per-ip=12/15m",
            "cinemates.users.throttle.register-per-ip=6/1h"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginThrottlingIT extends IntegrationTest {

    @Test
    @Order(1)
    void anAccountIsThrottledAfterItsFailuresEvenWithTheRightPassword() {
        Member member = register("Throttled");
        for (int i = 0; i < 3; i++) {
            assertProblem(login(member.username(), "wrong-password-" + i), 401, "invalid-credentials");
        }

        ApiResponse throttled = login(member.username(), "wrong-password-x");
        JsonNode problem = assertProblem(throttled, 429, "rate-limited");
        long retryAfter = Long.parseLong(throttled.header("retry-after").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15L * 60);
        assertThat(problem.path("retryAfter").asLong()).isEqualTo(retryAfter);

        assertProblem(login(member.username(), PASSWORD), 429, "rate-limited");
        assertProblem(login(member.username() + "@example.org", PASSWORD), 429, "rate-limited");
    }

    @Test
    @Order(2)
    void unknownLoginsAreThrottledLikeAccounts() {
        String nobody = uniqueName("ghost");
        for (int i = 0; i < 3; i++) {
            assertProblem(login(nobody, "wrong-password-" + i), 401, "invalid-credentials");
        }
        assertProblem(login(nobody, "wrong-password-x"), 429, "rate-limited");
    }

    @Test
    @Order(3) // spends what is left of the shared address allowance
    void oneAddressIsThrottledAcrossAccounts() {
        // Spread failures over fresh accounts so only the per-address limit can trigger.
        ApiResponse last = login(uniqueName("spray"), "wrong-password-1");
        for (int i = 0; i < 20 && last.status() != 429; i++) {
            last = login(uniqueName("spray"), "wrong-password-1");
        }
        assertProblem(last, 429, "rate-limited");
        assertThat(last.header("retry-after")).isPresent();
    }

    @Test
    @Order(4)
    void registrationsAreThrottledPerAddress() {
        ApiResponse last = signUp();
        for (int i = 0; i < 10 && last.status() != 429; i++) {
            assertThat(last.status()).isEqualTo(201);
            last = signUp();
        }
        assertProblem(last, 429, "rate-limited");
        assertThat(last.header("retry-after")).isPresent();
    }

    private ApiResponse signUp() {
        String name = uniqueName("signup");
        return browser()
                .post("/api/auth/register")
                .json(Map.of("username", name, "email", name + "@example.org", "password", PASSWORD))
                .send();
    }

    private ApiResponse login(String login, String password) {
        return browser()
                .post("/api/auth/login")
                .json(Map.of("login", login, "password", password))
                .send();
    }
}
