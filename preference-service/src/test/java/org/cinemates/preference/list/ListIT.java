package org.cinemates.preference.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Lists of movies: made, ordered, annotated, shown as their visibility says, told to the feed. */
class ListIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "lists");
    }

    private JsonNode create(Member member, Map<String, Object> body) {
        ApiResponse created = api().post("/api/preferences/lists")
                .bearer(member.token())
                .json(body)
                .send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    private long create(Member member, String name, String visibility) {
        return create(member, Map.of("name", name, "visibility", visibility))
                .path("id")
                .asLong();
    }

    private ApiResponse putItems(Member member, long listId, List<Map<String, Object>> items) {
        return api().put("/api/preferences/lists/" + listId + "/items")
                .bearer(member.token())
                .json(Map.of("items", items))
                .send();
    }

    private static Map<String, Object> item(long movieId, @Nullable String note) {
        Map<String, Object> item = new HashMap<>();
        item.put("movieId", movieId);
        if (note != null) {
            item.put("note", note);
        }
        return item;
    }

    private ApiResponse read(@Nullable Member viewer, long listId) {
        var call = api().get("/api/preferences/lists/" + listId);
        return viewer != null ? call.bearer(viewer.token()).send() : call.send();
    }

    private static List<Long> movieIds(JsonNode list) {
        return list.path("items")
                .valueStream()
                .map(item -> item.path("movie").path("id").asLong())
                .toList();
    }

    @Test
    void aListIsMadeChangedAndDeletedByItsOwner() {
        Member ann = member("Lister");
        JsonNode made = create(ann, Map.of("name", "  Best of 1999 ", "description", "My year", "ranked", true));

        assertThat(made.path("name").asString()).isEqualTo("Best of 1999");
        assertThat(made.path("description").asString()).isEqualTo("My year");
        assertThat(made.path("ranked").asBoolean()).isTrue();
        assertThat(made.path("visibility").asString()).as("the default").isEqualTo("FRIENDS");
        assertThat(made.path("owner").path("id").asLong()).isEqualTo(ann.id());
        assertThat(made.path("owner").path("username").asString()).isEqualTo(ann.username());
        assertThat(made.path("items").size()).isZero();
        assertThat(made.path("createdAt").asString()).endsWith("Z");
        long id = made.path("id").asLong();

        ApiResponse changed = api().patch("/api/preferences/lists/" + id)
                .bearer(ann.token())
                .rawJson("{\"name\":\"Best of 2000\",\"description\":null,\"visibility\":\"PRIVATE\"}")
                .send();
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("name").asString()).isEqualTo("Best of 2000");
        assertThat(changed.json().path("description").isNull()).isTrue();
        assertThat(changed.json().path("ranked").asBoolean()).as("unchanged").isTrue();
        assertThat(changed.json().path("visibility").asString()).isEqualTo("PRIVATE");

        JsonNode mine =
                api().get("/api/preferences/lists").bearer(ann.token()).send().json();
        assertThat(mine.path("items")
                        .valueStream()
                        .map(list -> list.path("name").asString()))
                .containsExactly("Best of 2000");
        assertThat(mine.path("items").get(0).has("items")).as("without movies").isFalse();

        assertThat(api().delete("/api/preferences/lists/" + id)
                        .bearer(ann.token())
                        .send()
                        .status())
                .isEqualTo(204);
        assertProblem(read(ann, id), 404, "list-not-found");
        assertProblem(
                api().delete("/api/preferences/lists/" + id).bearer(ann.token()).send(), 404, "list-not-found");
    }

    @Test
    void itemsKeepTheOrderGivenWithTheirNotes() {
        Member ann = member("Ranker");
        long matrix = MOVIES.add("The Matrix", 1999);
        long magnolia = MOVIES.add("Magnolia", 1999);
        long fightClub = MOVIES.add("Fight Club", 1999);
        long id = create(ann, "1999", "PUBLIC");

        ApiResponse put =
                putItems(ann, id, List.of(item(magnolia, " Frogs "), item(matrix, null), item(fightClub, "")));
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        assertThat(movieIds(put.json())).containsExactly(magnolia, matrix, fightClub);
        assertThat(put.json()
                        .path("items")
                        .valueStream()
                        .map(item -> item.path("position").asInt()))
                .containsExactly(1, 2, 3);
        assertThat(put.json().path("items").get(0).path("note").asString()).isEqualTo("Frogs");
        assertThat(put.json().path("items").get(0).path("movie").path("title").asString())
                .isEqualTo("Magnolia");
        assertThat(put.json().path("items").get(2).path("note").isNull())
                .as("blank is none")
                .isTrue();
        assertThat(put.json().path("movieCount").asInt()).isEqualTo(3);

        assertThat(putItems(ann, id, List.of(item(fightClub, null), item(magnolia, "Frogs")))
                        .status())
                .isEqualTo(200);
        assertThat(movieIds(read(ann, id).json())).as("reordered, one left out").containsExactly(fightClub, magnolia);
        assertThat(putItems(ann, id, List.of()).status()).isEqualTo(200);
        assertThat(movieIds(read(ann, id).json())).isEmpty();
    }

    @Test
    void aListHoldsAThousandMoviesAndNoMore() {
        Member ann = member("Collector");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(item(MOVIES.add("Film " + i), null));
        }
        long id = create(ann, "Everything", "PRIVATE");

        assertProblem(putItems(ann, id, items), 400, "validation");
        ApiResponse thousand = putItems(ann, id, items.subList(0, 1000));
        assertThat(thousand.status()).as("%s", thousand).isEqualTo(200);
        JsonNode list = read(ann, id).json();
        assertThat(list.path("items").size()).isEqualTo(1000);
        assertThat(list.path("items").get(999).path("movie").path("title").asString())
                .isEqualTo("Film 999");
    }

    @Test
    void unknownOrRepeatedMoviesAreNamedAndNothingChanges() {
        Member ann = member("Careful");
        long heat = MOVIES.add("Heat");
        long id = create(ann, "Crime", "PRIVATE");
        putItems(ann, id, List.of(item(heat, null)));

        ApiResponse unknown = putItems(ann, id, List.of(item(heat, null), item(MOVIES.unknownId(), null)));
        assertProblem(unknown, 400, "validation");
        assertThat(unknown.json().path("errors").get(0).path("field").asString())
                .isEqualTo("items[1].movieId");

        ApiResponse twice = putItems(ann, id, List.of(item(heat, null), item(heat, "again")));
        assertProblem(twice, 400, "validation");
        assertThat(twice.json().path("errors").get(0).path("field").asString()).isEqualTo("items[1].movieId");

        assertThat(movieIds(read(ann, id).json())).containsExactly(heat);
    }

    @Test
    void refusesWhatAListCannotBe() {
        Member ann = member("Strict");
        String base = "/api/preferences/lists";
        assertProblem(
                api().post(base).bearer(ann.token()).json(Map.of("name", "  ")).send(), 400, "validation");
        assertProblem(api().post(base).bearer(ann.token()).json(Map.of()).send(), 400, "validation");
        assertProblem(
                api().post(base)
                        .bearer(ann.token())
                        .json(Map.of("name", "x".repeat(101)))
                        .send(),
                400,
                "validation");
        assertProblem(
                api().post(base)
                        .bearer(ann.token())
                        .json(Map.of("name", "A\u0000B"))
                        .send(),
                400,
                "validation");
        assertProblem(
                api().post(base)
                        .bearer(ann.token())
                        .json(Map.of("name", "Ok", "visibility", "EVERYONE"))
                        .send(),
                400);
        long id = create(ann, "Mine", "PRIVATE");
        assertProblem(
                api().patch(base + "/" + id)
                        .bearer(ann.token())
                        .rawJson("{\"owner\":1}")
                        .send(),
                400,
                "validation");
        assertProblem(
                api().patch(base + "/" + id)
                        .bearer(ann.token())
                        .rawJson("{\"visibility\":\"SECRET\"}")
                        .send(),
                400,
                "validation");
        assertProblem(
                api().patch(base + "/" + id)
                        .bearer(ann.token())
                        .rawJson("{\"name\":\"\"}")
                        .send(),
                400,
                "validation");
        assertProblem(
                api().put(base + "/" + id + "/items")
                        .bearer(ann.token())
                        .rawJson("{\"items\":[{\"movieId\":-3}]}")
                        .send(),
                400,
                "validation");
        assertProblem(api().get(base + "/abc").bearer(ann.token()).send(), 400);
        assertProblem(api().post(base).json(Map.of("name", "Anonymous")).send(), 401);
        assertProblem(api().get(base).send(), 401);
    }

    @Test
    void onlyTheOwnerChangesAList() {
        Member ann = member("Owner");
        Member bob = member("Intruder");
        USERS.befriend(ann.id(), bob.id());
        long id = create(ann, "Ann's", "PUBLIC");
        long heat = MOVIES.add("Heat");

        assertProblem(
                api().patch("/api/preferences/lists/" + id)
                        .bearer(bob.token())
                        .json(Map.of("name", "Bob's"))
                        .send(),
                404,
                "list-not-found");
        assertProblem(putItems(bob, id, List.of(item(heat, null))), 404, "list-not-found");
        assertProblem(
                api().delete("/api/preferences/lists/" + id).bearer(bob.token()).send(), 404, "list-not-found");
        assertThat(read(ann, id).json().path("name").asString()).isEqualTo("Ann's");
    }

    @Test
    void eachListIsShownAsItsVisibilitySays() {
        Member ann = member("Sharer");
        Member friend = member("Friend");
        Member stranger = member("Stranger");
        USERS.befriend(ann.id(), friend.id());
        long shared = create(ann, "For all", "PUBLIC");
        long friendly = create(ann, "For friends", "FRIENDS");
        long secret = create(ann, "For me", "PRIVATE");

        for (Member viewer : new Member[] {ann, friend, stranger, null}) {
            assertThat(read(viewer, shared).status())
                    .as("public list, %s", viewer)
                    .isEqualTo(200);
        }
        assertThat(read(ann, friendly).status()).isEqualTo(200);
        assertThat(read(friend, friendly).status()).isEqualTo(200);
        assertProblem(read(stranger, friendly), 404, "list-not-found");
        assertProblem(read(null, friendly), 404, "list-not-found");
        assertThat(read(ann, secret).status()).isEqualTo(200);
        assertProblem(read(friend, secret), 404, "list-not-found");
        assertProblem(read(stranger, secret), 404, "list-not-found");
        assertProblem(read(null, secret), 404, "list-not-found");

        JsonNode anonymous = read(null, shared).json();
        assertThat(anonymous.path("owner").path("displayName").asString()).isEqualTo("The Sharer");
    }

    @Test
    void aShownListIsToldToTheFeedAndTakenBackWhenHidden() {
        Member ann = member("Announcer");
        long shown = create(ann, "Noir", "FRIENDS");
        create(ann, "Guilty pleasures", "PRIVATE");
        assertThat(eventTypes(ann)).containsExactly("LISTED");
        assertThat(events(ann).get(0).payload().path("name").asString()).isEqualTo("Noir");
        assertThat(events(ann).get(0).payload().path("listId").asLong()).isEqualTo(shown);
        assertThat(events(ann).get(0).payload().path("visibility").asString()).isEqualTo("FRIENDS");

        putItems(ann, shown, List.of(item(MOVIES.add("Laura"), null)));
        api().patch("/api/preferences/lists/" + shown)
                .bearer(ann.token())
                .json(Map.of("ranked", true))
                .send();
        assertThat(eventTypes(ann))
                .as("its first movies are news; a ranking flag is not")
                .containsExactly("LISTED", "LISTED");
        assertThat(events(ann).get(1).payload().path("movies").asInt()).isEqualTo(1);

        api().patch("/api/preferences/lists/" + shown)
                .bearer(ann.token())
                .json(Map.of("visibility", "PRIVATE"))
                .send();
        api().patch("/api/preferences/lists/" + shown)
                .bearer(ann.token())
                .json(Map.of("visibility", "PUBLIC"))
                .send();
        api().delete("/api/preferences/lists/" + shown).bearer(ann.token()).send();
        assertThat(eventTypes(ann)).containsExactly("LISTED", "LISTED", "LIST_WITHDRAWN", "LISTED", "LIST_WITHDRAWN");
    }

    @Test
    void browsersChangeListsWithTheCsrfToken() {
        Member ann = member("Browser");
        Session session = session(ann);
        assertProblem(
                api().post("/api/preferences/lists")
                        .cookies(session.cookies())
                        .withoutCsrf()
                        .json(Map.of("name", "Forged"))
                        .send(),
                403);
        ApiResponse made = api().post("/api/preferences/lists")
                .cookies(session.cookies())
                .header("X-XSRF-TOKEN", session.xsrfToken())
                .json(Map.of("name", "Mine"))
                .send();
        assertThat(made.status()).as("%s", made).isEqualTo(201);
    }

    @Test
    void aDeletedAccountTakesItsListsAlong() throws Exception {
        Member ann = member("Leaver");
        long id = create(ann, "Soon gone", "PUBLIC");
        putItems(ann, id, List.of(item(MOVIES.add("Gone"), null)));

        ApiResponse delivered = api().post("/internal/events")
                .header("X-Service-Token", SERVICE_TOKEN)
                .rawJson("""
                        {"events":[{"eventId":"%s","type":"ACCOUNT_DELETED","actorId":%d,
                          "occurredAt":"2026-11-25T15:00:00Z","payload":{"userId":%d}}]}
                        """.formatted(java.util.UUID.randomUUID(), ann.id(), ann.id()))
                .send();
        assertThat(delivered.status()).as("%s", delivered).isEqualTo(200);

        assertProblem(read(null, id), 404, "list-not-found");
        assertThat(jdbc.sql("select count(*) from movie_lists where user_id = ?")
                        .param(ann.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from movie_list_items where list_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
