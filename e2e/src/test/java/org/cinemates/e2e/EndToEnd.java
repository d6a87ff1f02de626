package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A running Cinemates behind nginx, as {@code ./cinemates test} starts it: its address, its state
 * folder and its service credential come in as system properties.
 */
abstract class EndToEnd {

    static final String PASSWORD = "popcorn-and-subtitles";

    static String baseUrl() {
        String url = System.getProperty("cinemates.e2e.baseUrl", "");
        assumeFalse(url.isBlank(), "no running system: start one with ./cinemates test");
        return url;
    }

    static ApiClient browser() {
        return new ApiClient(baseUrl());
    }

    /** A member who joined through the site and whose browser is logged in. */
    record Member(long id, String username, ApiClient browser) {

        String accessToken() {
            return browser.cookie("access_token").orElseThrow();
        }
    }

    static Member join(String prefix) {
        ApiClient browser = browser();
        assertThat(browser.get("/api/auth/csrf").send().status()).isEqualTo(204);
        String username = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        ApiResponse joined = browser.post("/api/auth/register")
                .json(Map.of(
                        "username", username,
                        "email", username + "@example.net",
                        "password", PASSWORD,
                        "displayName", prefix))
                .send();
        assertThat(joined.status()).as("register %s", joined).isEqualTo(201);
        return new Member(joined.json().path("id").asLong(), username, browser);
    }

    /** The state folder of the system under test (the test is skipped without one). */
    static Path home() {
        String home = System.getProperty("cinemates.e2e.home", "");
        assumeFalse(home.isBlank(), "no state folder of the system under test");
        return Path.of(home);
    }

    /** Runs {@code ./cinemates <args>} against the system under test. */
    static void cinemates(String... args) throws Exception {
        String home = home().toString();
        Path repository = Path.of(System.getProperty("cinemates.e2e.repository", ".."));
        Path script = repository.resolve("cinemates");
        assertThat(Files.isExecutable(script)).as("%s is executable", script).isTrue();
        String[] command = new String[args.length + 1];
        command[0] = script.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder process =
                new ProcessBuilder(command).directory(repository.toFile()).inheritIO();
        process.environment().put("CINEMATES_HOME", home);
        Process running = process.start();
        assertThat(running.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS))
                .as("cinemates %s finished", String.join(" ", args))
                .isTrue();
        assertThat(running.exitValue())
                .as("cinemates %s", String.join(" ", args))
                .isZero();
    }

    static String serviceToken() {
        return System.getProperty("cinemates.e2e.serviceToken", "");
    }

    /** Makes two members friends: one asks, the other accepts. */
    static void befriend(Member asking, Member accepting) {
        ApiResponse asked = asking.browser()
                .post("/api/users/me/friend-requests")
                .json(Map.of("userId", accepting.id()))
                .send();
        assertThat(asked.status()).as("friend request %s", asked).isEqualTo(201);
        ApiResponse accepted = accepting
                .browser()
                .post("/api/users/me/friend-requests/" + asked.json().path("id").asLong() + "/accept")
                .send();
        assertThat(accepted.status()).as("accept %s", accepted).isEqualTo(200);
    }

    static ApiResponse rate(Member member, long movieId, double score) {
        return member.browser()
                .put("/api/preferences/ratings/" + movieId)
                .json(Map.of("score", score))
                .send();
    }

    /** Ids of catalogue movies, in title order: as many as asked for. */
    static List<Long> movieIds(int count) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ids.size() < count; page++) {
            List<Long> found = browser()
                    .get("/api/movies?sort=title&size=100&page=" + page)
                    .send()
                    .itemIds();
            assertThat(found).as("the catalogue has %d movies", count).isNotEmpty();
            ids.addAll(found);
        }
        return List.copyOf(ids.subList(0, count));
    }

    /** Every item of a cursor-paged activity list, following nextCursor to the end. */
    static List<JsonNode> allActivities(Member member, String path) {
        List<JsonNode> items = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            String page =
                    path + (path.contains("?") ? "&" : "?") + "limit=100" + (cursor == null ? "" : "&before=" + cursor);
            ApiResponse answer = member.browser().get(page).send();
            assertThat(answer.status()).as("%s: %s", page, answer).isEqualTo(200);
            answer.json().path("items").forEach(items::add);
            JsonNode next = answer.json().path("nextCursor");
            cursor = next.isString() ? next.asString() : null;
        } while (cursor != null);
        return items;
    }

    /** Waits until the condition holds, or fails saying what was last seen. */
    static <T> T eventually(Duration within, Supplier<T> probe, Predicate<T> condition, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        T seen = probe.get();
        while (!condition.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "within " + within.toSeconds() + " s, expected " + what + "; last saw " + seen);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            seen = probe.get();
        }
        return seen;
    }
}
