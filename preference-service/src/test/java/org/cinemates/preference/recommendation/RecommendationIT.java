package org.cinemates.preference.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Recommendations from members' ratings, topped up with the catalogue's most popular movies. Each
 * test starts from no ratings at all (this class has a database of its own).
 */
class RecommendationIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "recommendations");
    }

    @BeforeEach
    void noRatings() {
        jdbc.sql("delete from ratings").update();
    }

    private void rate(Member member, long movieId, double score) {
        ApiResponse response = api().put("/api/preferences/ratings/" + movieId)
                .bearer(member.token())
                .json(Map.of("score", score))
                .send();
        assertThat(response.status()).as("%s", response).isIn(200, 201);
    }

    /** Each of {@code scores} from a member of its own. */
    private void ratedBy(long movieId, double... scores) {
        for (double score : scores) {
            rate(member("Rater"), movieId, score);
        }
    }

    private ApiResponse recommendations(Member member, String query) {
        return api().get("/api/preferences/recommendations" + query)
                .bearer(member.token())
                .send();
    }

    private static List<Long> movieIds(JsonNode body) {
        return body.path("items")
                .valueStream()
                .map(item -> item.path("movie").path("id").asLong())
                .toList();
    }

    @Test
    void membersFavouritesComeFirstByBayesianAverage() {
        long loved = MOVIES.add("Loved by many");
        long oneFan = MOVIES.add("Loved by one");
        long fair = MOVIES.add("Fair");
        ratedBy(loved, repeat(4.5, 12));
        ratedBy(oneFan, 5.0);
        ratedBy(fair, repeat(3.0, 10));

        JsonNode body = recommendations(member("Newcomer"), "").json();

        // One enthusiast does not beat twelve: each movie's average is pulled towards the mean of
        // all 23 ratings (89 / 23) as if it had five more ratings at that mean.
        assertThat(movieIds(body)).containsExactly(loved, oneFan, fair);
        JsonNode first = body.path("items").get(0);
        assertThat(first.path("movie").path("title").asString()).isEqualTo("Loved by many");
        assertThat(first.path("reasons").get(0).asString())
                .isEqualTo("Popular with Cinemates members (4.5★ from 12 ratings)");
        assertThat(first.path("score").decimalValue()).isEqualByComparingTo("4.31");
        assertThat(body.path("items").get(1).path("reasons").get(0).asString())
                .isEqualTo("Popular with Cinemates members (5.0★ from 1 rating)");
        assertThat(body.path("items").get(1).path("score").decimalValue()).isEqualByComparingTo("4.06");
        assertThat(body.has("degraded")).isFalse();
    }

    private static double[] repeat(double score, int times) {
        double[] scores = new double[times];
        java.util.Arrays.fill(scores, score);
        return scores;
    }

    @Test
    void neverAMovieIRated() {
        Member me = member("Seen it all");
        long mine = MOVIES.add("Mine");
        long theirs = MOVIES.add("Theirs");
        long popular = MOVIES.add("Popular");
        ratedBy(mine, 5.0, 5.0, 5.0);
        ratedBy(theirs, 4.0, 4.0);
        rate(me, mine, 1.0);
        MOVIES.popular(List.of(mine, popular, theirs));

        List<Long> recommended = movieIds(recommendations(me, "?limit=100").json());

        assertThat(recommended).containsExactly(theirs, popular);
        assertThat(movieIds(recommendations(member("Other"), "?limit=100").json()))
                .containsExactly(mine, theirs, popular);
    }

    @Test
    void tooFewFavouritesAreToppedUpWithTheCataloguesMostPopular() {
        long favourite = MOVIES.add("Favourite");
        long first = MOVIES.add("Blockbuster");
        long second = MOVIES.add("Runner-up");
        long third = MOVIES.add("Third");
        ratedBy(favourite, 4.0);
        MOVIES.popular(List.of(first, favourite, second, third));

        JsonNode body = recommendations(member("Curious"), "?limit=3").json();

        assertThat(movieIds(body)).containsExactly(favourite, first, second);
        JsonNode topUp = body.path("items").get(1);
        assertThat(topUp.path("reasons").get(0).asString()).isEqualTo("Popular on Cinemates");
        assertThat(topUp.path("score").isNull()).isTrue();
        assertThat(topUp.path("movie").path("title").asString()).isEqualTo("Blockbuster");
        assertThat(MOVIES.requests("/api/movies").stream()
                        .filter(r -> "popularity".equals(r.param("sort")))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void moviesMembersDislikeAreNotRecommendedAsPopular() {
        long disliked = MOVIES.add("Disliked");
        long liked = MOVIES.add("Liked");
        ratedBy(disliked, 1.0, 2.0, 2.5, 1.5);
        ratedBy(liked, 3.5);

        assertThat(movieIds(recommendations(member("Picky"), "").json())).containsExactly(liked);
    }

    @Test
    void theLimitIsOneToAHundred() {
        Member me = member("Counter");
        List<Long> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            many.add(MOVIES.add("Many " + i));
        }
        MOVIES.popular(many);

        assertThat(movieIds(recommendations(me, "?limit=2").json())).containsExactlyElementsOf(many.subList(0, 2));
        assertThat(movieIds(recommendations(me, "").json())).containsExactlyElementsOf(many);
        for (String query : List.of("?limit=0", "?limit=101", "?limit=-3", "?limit=ten")) {
            JsonNode problem = assertProblem(recommendations(me, query), 400, "validation");
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("limit");
        }
    }

    @Test
    void withoutMovieServiceMembersFavouritesStillCome() {
        long seen = MOVIES.add("Seen before");
        long unseen = MOVIES.add("Never looked up");
        ratedBy(seen, 5.0, 5.0);
        storeRating(member("Quiet"), unseen, 4.5, java.time.Instant.now());
        MOVIES.popular(List.of(MOVIES.add("Popular")));

        MOVIES.stop();
        ApiResponse response = recommendations(member("Hopeful"), "");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("degraded").valueStream().map(JsonNode::asString).toList())
                .containsExactly("movie-service");
        assertThat(movieIds(body)).containsExactly(seen, unseen);
        assertThat(body.path("items").get(0).path("movie").path("title").asString())
                .isEqualTo("Seen before");
        assertThat(body.path("items").get(1).path("movie").size()).as("id only").isEqualTo(1);
    }

    @Test
    void aFavouriteNoLongerInTheCatalogueIsLeftOut() {
        long removed = MOVIES.unknownId();
        long kept = MOVIES.add("Kept");
        Member rater = member("Old");
        storeRating(rater, removed, 5.0, java.time.Instant.now());
        storeRating(rater, kept, 4.0, java.time.Instant.now());

        assertThat(movieIds(recommendations(member("Fresh"), "").json())).containsExactly(kept);
    }

    @Test
    void strangersGetNoRecommendations() {
        assertProblem(api().get("/api/preferences/recommendations").send(), 401, "unauthenticated");
    }
}
