package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * Signing out or leaving reaches every service within seconds, through nginx, in whatever mode
 * the instance runs (the default one has no Redis): the old token writes nothing any more.
 */
class RevocationIT extends EndToEnd {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    void aDeletedAccountsTokenIsRefusedEverywhere() {
        Member leaving = join("Leaving");
        long movie = movieIds(1).get(0);
        String token = bearerToken(leaving);
        assertThat(rateWith(token, movie).status()).isEqualTo(201);

        assertThat(leaving.browser()
                        .delete("/api/users/me")
                        .json(Map.of("password", PASSWORD))
                        .send()
                        .status())
                .isEqualTo(204);

        refusedWithin(() -> rateWith(token, movie));
        refusedWithin(
                () -> browser().get("/api/preferences/ratings").bearer(token).send());
        refusedWithin(() -> browser().get("/api/activities/feed").bearer(token).send());
        assertProblem(browser().get("/api/users/me").bearer(token).send(), 401);
    }

    @Test
    void aLoggedOutSessionsTokenIsRefusedByEveryService() {
        Member member = join("Signing");
        ApiClient api = browser();
        String token = bearerToken(member);
        long movie = movieIds(1).get(0);
        assertThat(rateWith(token, movie).status()).isIn(200, 201);

        assertThat(api.post("/api/auth/logout").bearer(token).send().status()).isEqualTo(204);

        refusedWithin(() -> rateWith(token, movie));
        refusedWithin(() -> browser().get("/api/activities/feed").bearer(token).send());
        assertThat(member.browser().get("/api/users/me").send().status())
                .as("the member's other session goes on")
                .isEqualTo(200);
    }

    private static String bearerToken(Member member) {
        return browser()
                .post("/api/auth/login")
                .withoutCookies()
                .json(Map.of("login", member.username(), "password", PASSWORD))
                .send()
                .json()
                .path("accessToken")
                .asString();
    }

    private static ApiResponse rateWith(String token, long movie) {
        return browser()
                .put("/api/preferences/ratings/" + movie)
                .bearer(token)
                .json(Map.of("score", 5, "review", "orphan"))
                .send();
    }

    private static void refusedWithin(java.util.function.Supplier<ApiResponse> request) {
        Instant deadline = Instant.now().plus(WITHIN);
        ApiResponse last = request.get();
        while (last.status() != 401 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = request.get();
        }
        assertProblem(last, 401);
    }
}
