package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cinemates.platform.test.ApiClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * In production mode (two instances each of activity-service and preference-service behind
 * nginx, PostgreSQL, Redis): both instances serve, both relay their outbox, and every event still
 * arrives exactly once.
 */
@Order(4)
class ReplicasIT extends EndToEnd {

    static final Pattern DELIVERED = Pattern.compile(
            "^cinemates_outbox_delivered_total\\{[^}]*destination=\"activity-service\"[^}]*} ([0-9.E]+)$",
            Pattern.MULTILINE);

    @Test
    void bothInstancesServeAndRelayAndNothingIsDoubled() throws Exception {
        assumeTrue(Integer.getInteger("cinemates.e2e.replicas", 1) > 1, "only in production mode (--replicas 2)");
        Properties settings = settings();
        int preferences = Integer.parseInt(settings.getProperty("CINEMATES_PREFERENCES_PORT"));
        int activities = Integer.parseInt(settings.getProperty("CINEMATES_ACTIVITIES_PORT"));
        assertThat(settings.getProperty("CINEMATES_REDIS_URL")).startsWith("redis://");

        for (int port : List.of(activities, activities + 100, preferences, preferences + 100)) {
            assertThat(new ApiClient("http://127.0.0.1:" + port)
                            .get("/actuator/health/readiness")
                            .send()
                            .status())
                    .as("instance on port %d is ready", port)
                    .isEqualTo(200);
        }

        Member ann = join("Ann");
        Member bob = join("Bob");
        befriend(ann, bob);
        List<Long> movies = movieIds(60);
        for (long movie : movies) {
            assertThat(rate(bob, movie, 2.5).status()).isEqualTo(201);
        }
        List<?> ratings = eventually(
                SocialLoopIT.FEW_SECONDS.multipliedBy(2),
                () -> SocialLoopIT.ratingsOf(allActivities(ann, "/api/activities/feed"), bob),
                items -> items.size() >= movies.size(),
                movies.size() + " ratings in the feed");
        Thread.sleep(1000);
        assertThat(SocialLoopIT.ratingsOf(allActivities(ann, "/api/activities/feed"), bob))
                .as("exactly once, with both instances relaying")
                .hasSize(ratings.size())
                .hasSize(movies.size());

        assertThat(delivered(preferences))
                .as("first preference-service instance relayed")
                .isPositive();
        assertThat(delivered(preferences + 100))
                .as("second preference-service instance relayed")
                .isPositive();
    }

    private static double delivered(int port) {
        String metrics = new ApiClient("http://127.0.0.1:" + port)
                .get("/actuator/prometheus")
                .send()
                .body();
        Matcher found = DELIVERED.matcher(metrics);
        assertThat(found.find()).as("delivered counter on port %d", port).isTrue();
        return Double.parseDouble(found.group(1));
    }

    private static Properties settings() throws Exception {
        var settings = new Properties();
        Path file = Path.of(System.getProperty("cinemates.e2e.home", ""), "settings.env");
        try (var reader = Files.newBufferedReader(file)) {
            settings.load(reader);
        }
        return settings;
    }
}
