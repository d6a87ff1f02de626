package org.cinemates.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.user.IntegrationTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Password attempts are throttled per account and client address together, and per client address
 * (test requests name their client in {@code X-Forwarded-For}, which the service trusts from
 * loopback as it trusts nginx; requests without one come from 127.0.0.1, whose allowance the
 * address test spends knowingly).
 */
@TestPropertySource(
        properties = {
            "cinemates.users.throttle.login-per-account=3/15m",
            "cinemates.users.throttle.login-per-ip=12/15m",
            "cinemates.users.throttle.register-per-ip=6/1h"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginThrottlingIT extends IntegrationTest {

    private static final String ATTACKER = "203.0.113.66";

    @Test
    @Order(1)
    void aClientIsThrottledOnAnAccountAfterItsFailuresEvenWithTheRightPassword() {
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
    void theOwnerSignsInFromAnotherClientWhileAnAttackerIsThrottled() {
        Member member = register("Besieged");
        for (int i = 0; i < 3; i++) {
            assertProblem(login(member.username(), "guess-" + i, ATTACKER), 401, "invalid-credentials");
        }
        assertProblem(login(member.username(), "guess-x", ATTACKER), 429, "rate-limited");

        assertThat(login(member.username(), PASSWORD, "198.51.100.20").status()).isEqualTo(200);
        assertProblem(login(member.username(), "guess-y", ATTACKER), 429, "rate-limited");
    }

    @Test
    @Order(2)
    void parallelGuessesNeverGetPastTheAllowance() throws Exception {
        Member member = register("Raced");
        String client = "203.0.113.50";
        ExecutorService pool = Executors.newFixedThreadPool(25);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String guess = "parallel-guess-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return login(member.username(), guess, client).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(status -> status == 401).count())
                .as("passwords actually checked")
                .isLessThanOrEqualTo(3);
    }

    @Test
    @Order(2)
    void thePasswordCheckOfAccountDeletionIsThrottledToo() {
        Member member = register("Undeletable");
        for (int i = 0; i < 3; i++) {
            assertProblem(
                    member.browser()
                            .delete("/api/users/me")
                            .header("X-Forwarded-For", "203.0.113.88")
                            .json(Map.of("password", "guess-" + i))
                            .send(),
                    403,
                    "wrong-password");
        }
        assertProblem(
                member.browser()
                        .delete("/api/users/me")
                        .header("X-Forwarded-For", "203.0.113.88")
                        .json(Map.of("password", PASSWORD))
                        .send(),
                429,
                "rate-limited");
    }

    @Test
    @Order(2)
    void thePasswordCheckOfAPasswordChangeIsThrottledToo() {
        Member member = register("Unchangeable");
        ApiClient attacker = member.browser();
        for (int i = 0; i < 3; i++) {
            assertProblem(
                    attacker.put("/api/users/me/password")
                            .header("X-Forwarded-For", "203.0.113.77")
                            .json(Map.of("currentPassword", "guess-" + i, "newPassword", "a-new-long-passphrase"))
                            .send(),
                    403,
                    "wrong-password");
        }
        assertProblem(
                attacker.put("/api/users/me/password")
                        .header("X-Forwarded-For", "203.0.113.77")
                        .json(Map.of("currentPassword", PASSWORD, "newPassword", "a-new-long-passphrase"))
                        .send(),
                429,
                "rate-limited");
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

    private ApiResponse login(String login, String password, String client) {
        return browser()
                .post("/api/auth/login")
                .header("X-Forwarded-For", client)
                .json(Map.of("login", login, "password", password))
                .send();
    }
}
