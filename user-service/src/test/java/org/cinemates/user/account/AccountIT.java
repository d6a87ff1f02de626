package org.cinemates.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cinemates.platform.events.AccountDeleted;
import org.cinemates.platform.events.DeliveredEvent;
import org.cinemates.platform.events.Joined;
import org.cinemates.platform.events.ProfileUpdated;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.OutboxContents;
import org.cinemates.user.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import tools.jackson.databind.JsonNode;

class AccountIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void meShowsTheWholeAccount() {
        Member member = register("Me");
        JsonNode me = member.browser().get("/api/users/me").send().json();
        assertThat(me.propertyNames())
                .containsExactlyInAnyOrder("id", "username", "displayName", "email", "bio", "visibility", "createdAt");
        assertThat(me.path("visibility").asString()).isEqualTo("FRIENDS");
        assertThat(me.path("displayName").asString()).isEqualTo("The Me");
    }

    @Test
    void meIsOneStatementWithoutATransactionOfItsOwn(@Autowired PlatformTransactionManager transactions) {
        Member member = register("Quick");
        List<String> begun = new CopyOnWriteArrayList<>();
        TransactionExecutionListener listener = new TransactionExecutionListener() {
            @Override
            public void beforeBegin(TransactionExecution transaction) {
                begun.add(transaction.getTransactionName());
            }
        };
        ConfigurableTransactionManager configurable = (ConfigurableTransactionManager) transactions;
        configurable.addListener(listener);
        try {
            assertThat(member.browser().get("/api/users/me").send().status()).isEqualTo(200);
        } finally {
            configurable.getTransactionExecutionListeners().remove(listener);
        }
        // Background work (the outbox relay) may begin transactions meanwhile: only the read counts.
        assertThat(begun).noneMatch(name -> name.endsWith(".findById"));
    }

    @Test
    void profileEditsChangeOnlyWhatIsSent() {
        Member member = register("Edit");

        ApiResponse bio = member.browser()
                .patch("/api/users/me")
                .json(Map.of("bio", "Films at 24 frames.\nAlways."))
                .send();
        assertThat(bio.status()).isEqualTo(200);
        assertThat(bio.json().path("bio").asString()).isEqualTo("Films at 24 frames.\nAlways.");
        assertThat(bio.json().path("displayName").asString()).isEqualTo("The Edit");

        ApiResponse name = member.browser()
                .patch("/api/users/me")
                .json(Map.of("displayName", "  Éditrice  "))
                .send();
        assertThat(name.json().path("displayName").asString()).isEqualTo("Éditrice");
        assertThat(name.json().path("bio").asString()).isEqualTo("Films at 24 frames.\nAlways.");

        assertThat(member.browser()
                        .get("/api/users/" + member.id())
                        .send()
                        .json()
                        .path("displayName")
                        .asString())
                .isEqualTo("Éditrice");
        assertThat(jdbc.sql("select payload from outbox_events where event_type = 'PROFILE_UPDATED' and actor_id = ?"
                                + " and destination = 'activity-service'")
                        .param(member.id())
                        .query(String.class)
                        .list())
                .as("only the display name change is news for other services")
                .singleElement()
                .asString()
                .contains("\"displayName\":\"Éditrice\"");
    }

    @Test
    void displayNamesRefuseBidiControlsAndZeroWidthCharacters() {
        Member member = register("Bidi");
        for (String sneaky : List.of(
                "evil\u202Egnp.exe", "a\u202Ab", "zero\u200Bwidth", "mark\u200F", "iso\u2066late", "bom\uFEFF")) {
            String name = sneaky.translateEscapes();
            JsonNode problem = assertProblem(
                    member.browser()
                            .patch("/api/users/me")
                            .json(Map.of("displayName", name))
                            .send(),
                    400,
                    "validation");
            assertThat(problem.toString()).contains("displayName");
            String username = uniqueName("bidi");
            assertProblem(
                    browser()
                            .post("/api/auth/register")
                            .json(Map.of(
                                    "username", username,
                                    "email", username + "@example.org",
                                    "password", PASSWORD,
                                    "displayName", name))
                            .send(),
                    400,
                    "validation");
        }
        assertThat(member.browser()
                        .patch("/api/users/me")
                        .json(Map.of("displayName", "Amélie \u05e9\u05dc\u05d5\u05dd".translateEscapes()))
                        .send()
                        .status())
                .as("right-to-left letters themselves are fine")
                .isEqualTo(200);
    }

    @Test
    void passwordsAreHashedWithArgon2idAtOwaspsMinimumOrMore() {
        Member member = register("Hashed");
        String hash = jdbc.sql("select password_hash from accounts where id = ?")
                .param(member.id())
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void aNewVisibilityIsToldToOtherServices() {
        Member member = register("Teller");
        member.browser()
                .patch("/api/users/me")
                .json(Map.of("visibility", "PUBLIC"))
                .send();
        member.browser()
                .patch("/api/users/me")
                .json(Map.of("visibility", "PUBLIC"))
                .send();

        assertThat(jdbc.sql("select destination from outbox_events where event_type = 'PROFILE_UPDATED'"
                                + " and actor_id = ?")
                        .param(member.id())
                        .query(String.class)
                        .list())
                .as("activity-service and preference-service ask again who may see the member's data;"
                        + " no change, no news")
                .containsExactlyInAnyOrder("activity-service", "preference-service");
    }

    @Test
    void visibilityIsStoredAndReturned() {
        Member member = register("Shy");
        ApiResponse changed = member.browser()
                .patch("/api/users/me")
                .json(Map.of("visibility", "PRIVATE"))
                .send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("visibility").asString()).isEqualTo("PRIVATE");
        assertThat(member.browser()
                        .get("/api/users/me")
                        .send()
                        .json()
                        .path("visibility")
                        .asString())
                .isEqualTo("PRIVATE");
        assertThat(member.browser()
                        .patch("/api/users/me")
                        .json(Map.of("bio", "still private"))
                        .send()
                        .json()
                        .path("visibility")
                        .asString())
                .isEqualTo("PRIVATE");
    }

    @Test
    void profileEditsRefuseUnknownFieldsAndBadValues() {
        Member member = register("Strict");
        assertProblem(
                member.browser()
                        .patch("/api/users/me")
                        .json(Map.of("visibility", "EVERYONE"))
                        .send(),
                400);
        assertProblem(
                member.browser()
                        .patch("/api/users/me")
                        .json(Map.of("visibility", 3))
                        .send(),
                400);
        JsonNode unknown = assertProblem(
                member.browser()
                        .patch("/api/users/me")
                        .json(Map.of("bio", "ok", "role", "ADMIN"))
                        .send(),
                400,
                "validation");
        assertThat(unknown.toString()).contains("role");
        assertThat(member.browser()
                        .get("/api/users/me")
                        .send()
                        .json()
                        .path("bio")
                        .asString())
                .as("nothing of a refused edit is kept")
                .isEmpty();
    }

    @Test
    void profileEditsAreValidated() {
        Member member = register("Valid");
        assertField(
                member.browser()
                        .patch("/api/users/me")
                        .json(Map.of("displayName", ""))
                        .send(),
                "displayName");
        assertField(
                member.browser()
                        .patch("/api/users/me")
                        .json(Map.of("displayName", "   "))
                        .send(),
                "displayName");
        assertField(
                member.browser()
                        .patch("/api/users/me")
                        .json(Map.of("displayName", "x".repeat(51)))
                        .send(),
                "displayName");
        assertField(
                member.browser()
                        .patch("/api/users/me")
                        .json(Map.of("bio", "x".repeat(501)))
                        .send(),
                "bio");
        assertField(
                member.browser()
                        .patch("/api/users/me")
                        .json(Map.of("bio", "bell\u0007"))
                        .send(),
                "bio");
        assertProblem(
                member.browser().patch("/api/users/me").json(Map.of("bio", 42)).send(), 400);
        assertProblem(member.browser().patch("/api/users/me").rawJson("[]").send(), 400, "malformed-body");
        assertThat(member.browser()
                        .get("/api/users/me")
                        .send()
                        .json()
                        .path("bio")
                        .asString())
                .isEmpty();
    }

    private static void assertField(ApiResponse response, String field) {
        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.path("errors").findValuesAsString("field")).contains(field);
    }

    @Test
    void publicProfilesLeaveOutTheEmail() {
        Member member = register("Public");
        ApiResponse anonymous = browser().get("/api/users/" + member.id()).send();
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().propertyNames()).containsExactlyInAnyOrder("id", "username", "displayName", "bio");

        assertProblem(browser().get("/api/users/987654321").send(), 404, "user-not-found");
        assertProblem(browser().get("/api/users/not-a-number").send(), 400, "validation");
    }

    @Test
    void searchFindsUsernamesAndDisplayNamesBestMatchFirst() {
        String stem = uniqueName("srch").toLowerCase();
        Member exact = registerNamed(stem, "Somebody");
        Member prefixed = registerNamed(stem + "x", "Another");
        Member byDisplayName = registerNamed(uniqueName("zz"), "Fan of " + stem.toUpperCase());

        ApiResponse response = browser()
                .get("/api/users?q=" + stem.toUpperCase() + "&limit=10")
                .send();

        assertThat(response.status()).isEqualTo(200);
        List<Long> ids = ids(response);
        assertThat(ids).containsExactly(exact.id(), prefixed.id(), byDisplayName.id());
        assertThat(response.json().path("items").get(0).has("email")).isFalse();
        assertThat(ids(browser().get("/api/users?q=" + stem + "&limit=1").send()))
                .containsExactly(exact.id());
    }

    @Test
    void searchTreatsWildcardsAsText() {
        register("wild");
        assertThat(ids(browser().get("/api/users?q=%25").send())).isEmpty();
        assertThat(ids(browser().get("/api/users?q=_").send()))
                .as("underscore is in every generated name and must match literally, not as a wildcard")
                .isNotEmpty();
        assertThat(ids(browser().get("/api/users?q=%5C").send())).isEmpty();
    }

    @Test
    void searchRefusesBadParameters() {
        assertProblem(browser().get("/api/users").send(), 400);
        assertProblem(browser().get("/api/users?q=").send(), 400, "validation");
        assertProblem(browser().get("/api/users?q=a&limit=101").send(), 400, "validation");
        assertProblem(browser().get("/api/users?q=a&limit=0").send(), 400, "validation");
        assertProblem(browser().get("/api/users?q=a&limit=ten").send(), 400, "validation");
        assertProblem(browser().get("/api/users?q=" + "a".repeat(51)).send(), 400, "validation");
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndRemovesEverything() {
        Member member = register("Leaving");
        Member friend = register("Staying");
        friend.browser()
                .post("/api/users/me/friend-requests")
                .json(Map.of("userId", member.id()))
                .send();

        assertProblem(
                member.browser()
                        .delete("/api/users/me")
                        .json(Map.of("password", "not-my-password"))
                        .send(),
                403,
                "wrong-password");
        assertProblem(member.browser().delete("/api/users/me").rawJson("{}").send(), 400, "validation");

        ApiResponse deleted = member.browser()
                .delete("/api/users/me")
                .json(Map.of("password", PASSWORD))
                .send();

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.setCookie("access_token").orElseThrow()).contains("Max-Age=0");
        assertProblem(
                browser()
                        .post("/api/auth/login")
                        .json(Map.of("login", member.username(), "password", PASSWORD))
                        .send(),
                401);
        assertProblem(browser().get("/api/users/" + member.id()).send(), 404);
        assertProblem(
                browser().get("/api/users/me").bearer(member.accessToken()).send(), 401);
        assertThat(friend.browser()
                        .get("/api/users/me/friend-requests?direction=outgoing")
                        .send()
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(count("select count(*) from refresh_tokens where account_id = ?", member.id()))
                .isZero();
        assertThat(jdbc.sql(
                                "select destination from outbox_events where event_type = 'ACCOUNT_DELETED' and actor_id = ?")
                        .param(member.id())
                        .query(String.class)
                        .list())
                .as("activity-service forgets their activity, preference-service their ratings")
                .containsExactlyInAnyOrder("activity-service", "preference-service");
    }

    @Test
    void joiningRenamingAndLeavingAreRecordedInTheOutboxAsEventsOfTheContract() {
        Member member = register("Outbox");
        String username = member.username().toLowerCase(Locale.ROOT);
        assertThat(member.browser()
                        .patch("/api/users/me")
                        .json(Map.of("displayName", "  Outbox Renamed "))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(member.browser()
                        .patch("/api/users/me")
                        .json(Map.of("bio", "A bio is not news"))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(member.browser()
                        .delete("/api/users/me")
                        .json(Map.of("password", PASSWORD))
                        .send()
                        .status())
                .isEqualTo(204);

        assertThat(OutboxContents.eventsOf(jdbc, member.id()))
                .extracting(DeliveredEvent::payload)
                .containsExactly(
                        new Joined(member.id(), username, "The Outbox"),
                        new ProfileUpdated(member.id(), username, "Outbox Renamed"),
                        new AccountDeleted(member.id()));
    }

    @Test
    void anEventKeepsTheTraceOfTheRequestThatMadeIt() {
        Member member = register("Traced");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        assertThat(member.browser()
                        .patch("/api/users/me")
                        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                        .json(Map.of("displayName", "Traced"))
                        .send()
                        .status())
                .isEqualTo(200);

        assertThat(jdbc.sql(
                                "select traceparent from outbox_events where event_type = 'PROFILE_UPDATED' and actor_id = ?"
                                        + " and destination = 'activity-service'")
                        .param(member.id())
                        .query(String.class)
                        .single())
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private Member registerNamed(String username, String displayName) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", username + "@example.org");
        body.put("password", PASSWORD);
        body.put("displayName", displayName);
        ApiResponse response = browser().post("/api/auth/register").json(body).send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return new Member(response.json().path("id").asLong(), username, "", browser());
    }

    private static List<Long> ids(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json()
                .path("items")
                .valueStream()
                .map(item -> item.path("id").asLong())
                .toList();
    }
}
