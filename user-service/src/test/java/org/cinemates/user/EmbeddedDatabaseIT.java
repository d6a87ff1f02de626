package org.cinemates.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The default run mode: the same migrations and queries on embedded H2. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:users-embedded;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "cinemates.security.service-token=h2-token",
            "cinemates.outbox.relay.enabled=false"
        })
class EmbeddedDatabaseIT {

    @LocalServerPort
    int port;

    @Test
    void membersJoinSearchAndBefriendOnH2() {
        ApiClient ann = new ApiClient("http://127.0.0.1:" + port);
        ApiClient bob = new ApiClient("http://127.0.0.1:" + port);
        long annId = join(ann, "h2ann");
        long bobId = join(bob, "h2bob");

        assertThat(ann.get("/api/users?q=h2").send().json().path("items").size())
                .isEqualTo(2);
        assertThat(ann.post("/api/users/me/friend-requests")
                        .json(Map.of("userId", bobId))
                        .send()
                        .status())
                .isEqualTo(201);
        assertThat(bob.post("/api/users/me/friend-requests")
                        .json(Map.of("userId", annId))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(bob.get("/api/users/me/friends")
                        .send()
                        .json()
                        .path("items")
                        .get(0)
                        .path("id")
                        .asLong())
                .isEqualTo(annId);
        assertThat(ann.post("/api/auth/refresh").send().status()).isEqualTo(200);
        assertThat(ann.patch("/api/users/me")
                        .json(Map.of("bio", "on H2"))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(ann.get("/internal/users/" + annId + "/friend-ids")
                        .header("X-Service-Token", "h2-token")
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(ann.delete("/api/users/me")
                        .json(Map.of("password", IntegrationTest.PASSWORD))
                        .send()
                        .status())
                .isEqualTo(204);
    }

    private static long join(ApiClient browser, String username) {
        ApiResponse response = browser.post("/api/auth/register")
                .json(Map.of(
                        "username", username, "email", username + "@example.org", "password", IntegrationTest.PASSWORD))
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json().path("id").asLong();
    }
}
