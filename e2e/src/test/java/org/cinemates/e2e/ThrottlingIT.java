package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Both layers of throttling: user-service per account, nginx per address. */
@Order(9)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThrottlingIT extends EndToEnd {

    @Test
    @Order(1)
    void anAccountUnderAttackIsThrottled() {
        Member lou = join("Lou");
        ApiResponse last = failedLogin(lou.username());
        for (int i = 0; i < 20 && last.status() == 401; i++) {
            last = failedLogin(lou.username());
        }
        assertProblem(last, 429, "rate-limited");
        assertThat(last.header("retry-after")).isPresent();
    }

    @Test
    @Order(2) // floods the address: last
    void nginxLimitsLoginsPerAddress() throws Exception {
        ApiResponse limited = null;
        for (int i = 0; i < 400 && limited == null; i++) {
            ApiResponse response = failedLogin("nobody-" + i);
            if (response.status() == 429
                    && response.json().path("type").asString().endsWith(":too-many-requests")) {
                limited = response;
            }
        }
        assertThat(limited).as("nginx answered 429 within 400 rapid logins").isNotNull();
        if (limited != null) {
            assertProblem(limited, 429, "too-many-requests");
            assertThat(limited.header("retry-after")).isPresent();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (failedLogin("nobody-after").status() == 429 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
    }

    private static ApiResponse failedLogin(String login) {
        return browser()
                .post("/api/auth/login")
                .json(Map.of("login", login, "password", "not-the-password"))
                .send();
    }
}
