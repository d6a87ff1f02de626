package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.List;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** With movie-service or user-service stopped, the social endpoints answer and say what is missing. */
@Order(6)
class DegradationIT extends EndToEnd {

    @Test
    void withMovieServiceStoppedPreferencesAnswerDegraded() throws Exception {
        Member gil = join("Gil");
        Member hal = join("Hal");
        befriend(gil, hal);
        // The second movie is one no other journey touches, so preference-service has not seen it.
        List<Long> catalogue = movieIds(260);
        List<Long> movies = List.of(catalogue.get(0), catalogue.get(259));
        assertThat(rate(hal, movies.get(0), 5.0).status()).isEqualTo(201);
        eventually(
                SocialLoopIT.FEW_SECONDS,
                () -> SocialLoopIT.ratingsOf(allActivities(gil, "/api/activities/feed"), hal),
                items -> !items.isEmpty(),
                "Hal's rating in Gil's feed");
        try {
            cinemates("stop", "movie-service");

            ApiResponse ratings = hal.browser().get("/api/preferences/ratings").send();
            assertThat(ratings.status()).isEqualTo(200);
            JsonNode rated = ratings.json().path("items").get(0).path("movie");
            assertThat(rated.path("id").asLong()).isEqualTo(movies.get(0));
            // The instance that took Hal's rating remembers the movie and shows it whole; another
            // instance (with --replicas) shows its id and says movie-service is missing.
            List<String> ratingsDegraded = degraded(ratings);
            assertThat(ratingsDegraded).isSubsetOf("movie-service");
            if (ratingsDegraded.isEmpty()) {
                assertThat(rated.path("title").asString()).isNotEmpty();
            }

            ApiResponse home = gil.browser().get("/api/preferences/home").send();
            assertThat(home.status()).isEqualTo(200);
            assertThat(degraded(home)).isSubsetOf("movie-service");
            assertThat(home.json().path("friendActivity").size()).isPositive();

            assertThat(hal.browser()
                            .get("/api/preferences/movies/" + movies.get(0) + "/summary")
                            .send()
                            .status())
                    .isEqualTo(200);
            assertThat(allActivities(gil, "/api/activities/feed")).isNotEmpty();

            ApiResponse unknown = rate(hal, movies.get(1), 4.0);
            assertProblem(unknown, 503);
            assertThat(hal.browser().get("/api/preferences/ratings").send().total())
                    .as("nothing stored when the movie could not be checked")
                    .isEqualTo(1);
            assertThat(rate(hal, movies.get(0), 4.0).status())
                    .as("a movie known from the cache can be rated again")
                    .isEqualTo(200);
        } finally {
            cinemates("start", "movie-service");
        }
    }

    @Test
    void withUserServiceStoppedTheFeedAndSummaryAnswerFromWhatTheyKnow() throws Exception {
        Member ida = join("Ida");
        Member jon = join("Jon");
        befriend(ida, jon);
        long movie = movieIds(1).get(0);
        assertThat(rate(jon, movie, 3.0).status()).isEqualTo(201);
        eventually(
                SocialLoopIT.FEW_SECONDS,
                () -> SocialLoopIT.ratingsOf(allActivities(ida, "/api/activities/feed"), jon),
                items -> !items.isEmpty(),
                "Jon's rating in Ida's feed");
        try {
            cinemates("stop", "user-service");

            ApiResponse feed = ida.browser().get("/api/activities/feed").send();
            assertThat(feed.status()).as("%s", feed).isEqualTo(200);
            // From the friend list it knows (fresh or last known): degraded names only user-service.
            assertThat(degraded(feed)).isSubsetOf("user-service");
            assertThat(feed.json().path("items").size()).isPositive();

            ApiResponse summary = ida.browser()
                    .get("/api/preferences/movies/" + movie + "/summary")
                    .send();
            assertThat(summary.status()).isEqualTo(200);
            assertThat(degraded(summary)).contains("user-service");
            assertThat(summary.json().path("count").asLong()).isPositive();

            ApiResponse home = ida.browser().get("/api/preferences/home").send();
            assertThat(home.status()).isEqualTo(200);
            assertThat(rate(ida, movie, 4.5).status()).isEqualTo(201);
        } finally {
            cinemates("start", "user-service");
        }
    }

    static List<String> degraded(ApiResponse response) {
        JsonNode list = response.json().path("degraded");
        return list.valueStream().map(JsonNode::asString).toList();
    }
}
