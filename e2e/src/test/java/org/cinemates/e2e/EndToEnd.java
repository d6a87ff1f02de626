package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;

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

    /** Runs {@code ./cinemates <args>} against the system under test. */
    static void cinemates(String... args) throws Exception {
        String home = System.getProperty("cinemates.e2e.home", "");
        Path repository = Path.of(System.getProperty("cinemates.e2e.repository", ".."));
        assumeFalse(home.isBlank(), "no state folder of the system under test");
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
}
