package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Nothing is lost and nothing is doubled between preference-service and activity-service: while
 * activity-service is stopped, or when it is killed in the middle of deliveries.
 */
@Order(5)
class EventDeliveryIT extends EndToEnd {

    static final int RATINGS = 200;
    static final Duration CATCH_UP = Duration.ofSeconds(60);

    @Test
    void ratingsMadeWhileActivityServiceIsStoppedAllArriveOnceItIsBack() throws Exception {
        Member ann = join("Ann");
        Member bob = join("Bob");
        befriend(ann, bob);
        List<Long> movies = movieIds(RATINGS);
        try {
            cinemates("stop", "activity-service");
            for (long movie : movies) {
                assertThat(rate(bob, movie, 3.5).status()).isEqualTo(201);
            }
            assertThat(bob.browser()
                            .get("/api/preferences/ratings?size=1")
                            .send()
                            .total())
                    .isEqualTo(RATINGS);
        } finally {
            cinemates("start", "activity-service");
        }

        assertExactlyOnce(ann, bob, movies);
    }

    @Test
    void killingActivityServiceInTheMiddleOfDeliveriesDoublesNothing() throws Exception {
        Member cat = join("Cat");
        Member dan = join("Dan");
        befriend(cat, dan);
        List<Long> movies = movieIds(RATINGS);
        try {
            for (int i = 0; i < movies.size(); i++) {
                assertThat(rate(dan, movies.get(i), 4.0).status()).isEqualTo(201);
                if (i == RATINGS / 2) {
                    // Every commit wakes the relay, so deliveries are in flight right now.
                    killActivityService();
                }
            }
        } finally {
            cinemates("start", "activity-service");
        }

        assertExactlyOnce(cat, dan, movies);
    }

    private static void assertExactlyOnce(Member reader, Member actor, List<Long> movies) throws Exception {
        List<JsonNode> ratings = eventually(
                CATCH_UP,
                () -> SocialLoopIT.ratingsOf(allActivities(reader, "/api/activities/feed"), actor),
                items -> items.size() >= movies.size(),
                movies.size() + " ratings in the feed");
        Thread.sleep(2000); // anything doubled would arrive right behind
        ratings = SocialLoopIT.ratingsOf(allActivities(reader, "/api/activities/feed"), actor);

        Set<Long> rated = new HashSet<>();
        Set<Long> activityIds = new HashSet<>();
        for (JsonNode rating : ratings) {
            rated.add(rating.path("movieId").asLong());
            activityIds.add(rating.path("id").asLong());
        }
        assertThat(ratings).hasSize(movies.size());
        assertThat(activityIds).hasSize(movies.size());
        assertThat(rated).containsExactlyInAnyOrderElementsOf(movies);
    }

    private static void killActivityService() throws Exception {
        Path pidFile = Path.of(System.getProperty("cinemates.e2e.home", ""), "run", "activity-service.pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        assertThat(process.destroyForcibly()).isTrue();
        assertThat(process.onExit().get().isAlive()).isFalse();
    }
}
