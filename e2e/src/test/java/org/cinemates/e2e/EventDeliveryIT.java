package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cinemates.platform.test.ApiResponse;
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

    /**
     * Ratings (preference-service's outbox) and a friendship and a recommendation (user-service's
     * and preference-service's) made while activity-service is stopped all arrive once it is back:
     * one stop for both, as each restart costs the suite a service start.
     */
    @Test
    void whatHappensWhileActivityServiceIsStoppedArrivesOnceItIsBack() throws Exception {
        Member ann = join("Ann");
        Member bob = join("Bob");
        befriend(ann, bob);
        Member asker = join("Asker");
        Member asked = join("Asked");
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
            befriend(asker, asked);
            ApiResponse recommended = asked.browser()
                    .post("/api/preferences/recommendations/sent")
                    .json(java.util.Map.of("toUserId", asker.id(), "movieId", movies.get(0), "note", "Watch this"))
                    .send();
            assertThat(recommended.status()).as("%s", recommended).isEqualTo(201);
        } finally {
            cinemates("start", "activity-service");
        }

        assertExactlyOnce(ann, bob, movies);
        List<String> askeds = eventually(
                CATCH_UP, () -> notificationTypes(asked), types -> !types.isEmpty(), "Asked's friend request");
        List<String> askers = eventually(
                CATCH_UP, () -> notificationTypes(asker), types -> types.size() >= 2, "Asker's two notifications");
        Thread.sleep(2000); // anything doubled would arrive right behind
        assertThat(notificationTypes(asked)).isEqualTo(askeds).containsExactly("FRIEND_REQUEST");
        assertThat(notificationTypes(asker))
                .isEqualTo(askers)
                .containsExactlyInAnyOrder("RECOMMENDED", "FRIEND_ACCEPTED");
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

    private static List<String> notificationTypes(Member member) {
        ApiResponse page = member.browser().get("/api/activities/notifications").send();
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json()
                .path("items")
                .valueStream()
                .map(item -> item.path("type").asString())
                .toList();
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
