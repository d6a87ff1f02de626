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

    @Test
    void theCatalogueServesWithUserServiceDownAndMembersKeepTheirSessionWithMoviesDown() throws Exception {
        Member lea = join("Lea");
        String cachedPath = "/api/movies/2?outage=" + System.nanoTime();
        assertThat(browser().get(cachedPath).send().status()).isEqualTo(200);
        try {
            cinemates("stop", "user-service");
            assertThat(browser().get("/api/movies?q=heat").send().status())
                    .as("movie-service needs nobody for anonymous reads")
                    .isEqualTo(200);
        } finally {
            cinemates("start", "user-service");
        }
        try {
            cinemates("stop", "movie-service");
            assertThat(browser().get(cachedPath).send().status())
                    .as("nginx serves its last good copy while the service is down")
                    .isEqualTo(200);
            var uncached = browser()
                    .get("/api/movies?q=never-cached-" + System.nanoTime())
                    .send();
            assertProblem(uncached, 503, "service-unavailable");
            assertThat(uncached.json().path("detail").asString()).contains("movie-service");
            assertThat(lea.browser().get("/api/users/me").send().status()).isEqualTo(200);
        } finally {
            cinemates("start", "movie-service");
        }
    }
}
