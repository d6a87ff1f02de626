package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** With user-service stopped, nginx says so in problem+json; started again, sessions survive. */
@Order(8)
class ServiceOutageIT extends EndToEnd {

    @Test
    void aStoppedServiceIsAProblemAndItsSessionsSurviveTheRestart() throws Exception {
        Member kim = join("Kim");
        try {
            cinemates("stop", "user-service");

            var answer = kim.browser().get("/api/users/me").send();
            assertProblem(answer, answer.status());
            assertThat(answer.status()).isIn(502, 503, 504);
        } finally {
            cinemates("start", "user-service");
        }
        assertThat(kim.browser().get("/api/users/me").send().status())
                .as("signing keys are persisted: a restart logs nobody out")
                .isEqualTo(200);
        assertThat(kim.browser().post("/api/auth/refresh").send().status()).isEqualTo(200);
    }
}
