package org.cinemates.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.activity.Events.accountDeleted;
import static org.cinemates.activity.Events.batch;
import static org.cinemates.activity.Events.befriended;
import static org.cinemates.activity.Events.joined;
import static org.cinemates.activity.Events.profileUpdated;
import static org.cinemates.activity.Events.rated;
import static org.cinemates.activity.Events.ratingDeleted;
import static org.cinemates.activity.Events.reviewed;
import static org.cinemates.activity.Events.unfriended;
import static org.cinemates.activity.Events.watchlistRemoved;
import static org.cinemates.activity.Events.watchlisted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The default run mode: the same migrations, ingest and feed queries on embedded H2. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:activities-embedded;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "cinemates.security.service-token=h2-token"
        })
class EmbeddedDatabaseIT {

    private static final FakeUserService USERS = FakeUserService.start("h2-token");
    private static final TestTokens TOKENS = TestTokens.start();
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00.000001Z");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("cinemates.security.jwt.jwks-uri", TOKENS::jwksUri);
        registry.add("cinemates.activities.users.url", USERS::baseUrl);
    }

    @Test
    void ingestsAndServesFeedsOnH2() {
        long me = 1;
        long ann = 2;
        long bob = 3;
        long gone = 4;
        for (long id = 1; id <= 4; id++) {
            USERS.join(id);
        }
        USERS.befriend(me, ann);
        USERS.befriend(me, bob);
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(joined(ann, "ann", "Ann", at(0)));
        events.add(profileUpdated(ann, "ann", "Ann H2", at(1)));
        events.add(rated(ann, 1, 4.0, at(2)));
        events.add(reviewed(ann, 1, 4.5, "Better the second time", at(3)));
        events.add(watchlisted(ann, 2, at(4)));
        events.add(watchlistRemoved(ann, 2, at(5)));
        events.add(befriended(ann, bob, at(6)));
        events.add(befriended(bob, gone, at(7)));
        events.add(rated(gone, 9, 1.0, at(8)));
        for (int i = 0; i < 25; i++) {
            events.add(rated(bob, 100 + i, 3.0, at(10 + i / 2)));
        }
        JsonNode result = deliverBatch(batch(events));
        // The RATED is superseded by the REVIEWED of the same movie, the WATCHLISTED by its removal.
        assertThat(result.path("stored").asInt()).isEqualTo(events.size() - 2);
        assertThat(result.path("ignored").asInt()).isEqualTo(2);
        assertThat(deliverBatch(batch(events)).path("duplicates").asInt()).isEqualTo(events.size());
        deliverBatch(batch(
                ratingDeleted(bob, 124, at(40)),
                rated(bob, 124, 2.0, at(30)),
                accountDeleted(gone, at(50)),
                unfriended(bob, ann, at(51))));

        List<Long> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/activities/feed?limit=7" + (cursor != null ? "&before=" + cursor : ""), me);
            page.path("items").forEach(item -> {
                ids.add(item.path("id").asLong());
                types.add(item.path("type").asString());
            });
            cursor = page.path("nextCursor").isNull()
                    ? null
                    : page.path("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(4);
        assertThat(ids).doesNotHaveDuplicates().hasSize(24 + 2);
        assertThat(types.subList(24, 26)).containsExactly("REVIEWED", "JOINED");
        JsonNode annsActivity = get("/api/activities/users/" + ann, me).path("items");
        assertThat(annsActivity.get(0).path("actor").path("displayName").asString())
                .isEqualTo("Ann H2");
        assertThat(annsActivity.get(0).path("review").asString()).isEqualTo("Better the second time");
        JsonNode bobsNewest =
                get("/api/activities/users/" + bob + "?limit=1", me).path("items");
        assertThat(bobsNewest.get(0).path("movieId").asLong()).isEqualTo(123);
        assertThat(bobsNewest.get(0).path("actor").path("username").asString()).isEqualTo("user3");
        assertThat(api().get("/api/activities/users/" + gone)
                        .bearer(token(me))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    private static String token(long member) {
        return TOKENS.member(member, "user" + member, "USER");
    }

    private JsonNode deliverBatch(Map<String, Object> batch) {
        ApiResponse response = api().post("/internal/activities")
                .header("X-Service-Token", "h2-token")
                .json(batch)
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private JsonNode get(String path, long member) {
        ApiResponse response = api().get(path).bearer(token(member)).send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }
}
