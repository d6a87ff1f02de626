package org.cinemates.preference.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A member's diary, ratings and lists as others see them: every page, for every visibility the
 * member may choose, to the member, a friend, a stranger and a visitor without an account.
 */
class MemberPagesIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "members");
    }

    enum Who {
        OWNER,
        FRIEND,
        STRANGER,
        ANONYMOUS
    }

    static Stream<Arguments> matrix() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String page : new String[] {"diary", "ratings", "lists"}) {
            for (String visibility : new String[] {"PUBLIC", "FRIENDS", "PRIVATE"}) {
                for (Who who : Who.values()) {
                    boolean shown = switch (visibility) {
                        case "PUBLIC" -> true;
                        case "FRIENDS" -> who == Who.OWNER || who == Who.FRIEND;
                        default -> who == Who.OWNER;
                    };
                    cases.add(Arguments.of(page, visibility, who, shown));
                }
            }
        }
        return cases.build();
    }

    private record Cast(Member owner, Member friend, Member stranger) {}

    private Cast cast(String visibility) {
        Member owner = member("Owner");
        Member friend = member("Friend");
        Member stranger = member("Stranger");
        USERS.befriend(owner.id(), friend.id());
        USERS.visibility(owner.id(), visibility);
        return new Cast(owner, friend, stranger);
    }

    private ApiResponse page(@Nullable Member viewer, long ownerId, String page) {
        var call = api().get("/api/preferences/members/" + ownerId + "/" + page);
        return viewer != null ? call.bearer(viewer.token()).send() : call.send();
    }

    private static @Nullable Member viewer(Cast cast, Who who) {
        return switch (who) {
            case OWNER -> cast.owner();
            case FRIEND -> cast.friend();
            case STRANGER -> cast.stranger();
            case ANONYMOUS -> null;
        };
    }

    @ParameterizedTest(name = "{0} of a {1} member, to the {2}: shown {3}")
    @MethodSource("matrix")
    void eachPageIsShownAsTheMembersVisibilitySays(String page, String visibility, Who who, boolean shown) {
        Cast cast = cast(visibility);
        long movie = MOVIES.add("Shown or not");
        storeRating(cast.owner(), movie, 4.5, Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(api().post("/api/preferences/diary")
                        .bearer(cast.owner().token())
                        .json(Map.of("movieId", movie, "watchedOn", "2026-11-20", "review", "Saw it"))
                        .send()
                        .status())
                .isEqualTo(201);
        assertThat(api().post("/api/preferences/lists")
                        .bearer(cast.owner().token())
                        .json(Map.of("name", "Open", "visibility", "PUBLIC"))
                        .send()
                        .status())
                .isEqualTo(201);

        ApiResponse answer = page(viewer(cast, who), cast.owner().id(), page);

        if (!shown) {
            assertProblem(answer, 403, "not-shown");
            return;
        }
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode items = answer.json().path("items");
        assertThat(items.size()).isEqualTo(1);
        switch (page) {
            case "diary" -> {
                assertThat(items.get(0).path("movie").path("title").asString()).isEqualTo("Shown or not");
                assertThat(items.get(0).path("review").asString()).isEqualTo("Saw it");
            }
            case "ratings" ->
                assertThat(items.get(0).path("score").decimalValue()).isEqualByComparingTo("4.5");
            default -> assertThat(items.get(0).path("name").asString()).isEqualTo("Open");
        }
    }

    @Test
    void aMembersListsShowOnlyThoseTheViewerMaySee() {
        Cast cast = cast("PUBLIC");
        for (String visibility : new String[] {"PUBLIC", "FRIENDS", "PRIVATE"}) {
            api().post("/api/preferences/lists")
                    .bearer(cast.owner().token())
                    .json(Map.of("name", visibility.toLowerCase(java.util.Locale.ROOT), "visibility", visibility))
                    .send();
        }
        long owner = cast.owner().id();

        assertThat(names(page(cast.owner(), owner, "lists"))).containsExactlyInAnyOrder("public", "friends", "private");
        assertThat(names(page(cast.friend(), owner, "lists"))).containsExactlyInAnyOrder("public", "friends");
        assertThat(names(page(cast.stranger(), owner, "lists"))).containsExactly("public");
        assertThat(names(page(null, owner, "lists"))).containsExactly("public");
    }

    @Test
    void aChangeOfVisibilityShowsAtOnce() {
        Cast cast = cast("PUBLIC");
        long owner = cast.owner().id();
        assertThat(page(null, owner, "ratings").status()).isEqualTo(200);

        USERS.visibility(owner, "PRIVATE");
        assertProblem(page(null, owner, "ratings"), 403, "not-shown");
        assertProblem(page(cast.friend(), owner, "ratings"), 403, "not-shown");
    }

    @Test
    void anUnknownMemberIsNotFoundAndAnUnreachableUserServiceShowsNothing() {
        Cast cast = cast("PUBLIC");
        assertProblem(page(cast.friend(), 987_654_321L, "diary"), 404, "member-not-found");
        assertProblem(api().get("/api/preferences/members/abc/diary").send(), 400);
        assertProblem(api().get("/api/preferences/members/0/ratings").send(), 400);
        assertProblem(
                api().get("/api/preferences/members/" + cast.owner().id() + "/ratings?size=101")
                        .send(),
                400);

        USERS.stop();
        assertProblem(page(null, cast.owner().id(), "ratings"), 503);
    }

    private static java.util.List<String> names(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json()
                .path("items")
                .valueStream()
                .map(list -> list.path("name").asString())
                .toList();
    }
}
