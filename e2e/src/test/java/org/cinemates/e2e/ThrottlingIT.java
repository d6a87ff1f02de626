package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Both layers of throttling: user-service per account, nginx per address. */
@Order(9)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThrottlingIT extends EndToEnd {

    @Test
    @Order(1)
    void anAccountUnderAttackIsThrottled() {
        Member lou = join("Lou");
        ApiResponse last = failedLogin(lou.username());
        for (int i = 0; i < 20 && last.status() == 401; i++) {
            last = failedLogin(lou.username());
        }
        assertProblem(last, 429, "rate-limited");
        assertThat(last.header("retry-after")).isPresent();
    }

    @Test
    @Order(2) // floods the address: last
    void nginxLimitsLoginsPerAddress() throws Exception {
        // One burst of simultaneous logins, more than the burst allowance: nginx must refuse the
        // excess at once, however fast or slow user-service answers the ones it lets through.
        baseUrl(); // skipped here, not inside the senders, when no system runs
        int burst = 150;
        List<ApiResponse> answers;
        ExecutorService pool = Executors.newFixedThreadPool(burst);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> sent = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                String login = "nobody-" + i;
                sent.add(pool.submit(() -> {
                    start.await();
                    return failedLogin(login);
                }));
            }
            start.countDown();
            answers = new ArrayList<>();
            for (Future<ApiResponse> answer : sent) {
                answers.add(answer.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        ApiResponse limited = answers.stream()
                .filter(r ->
                        r.status() == 429 && r.json().path("type").asString().endsWith(":too-many-requests"))
                .findFirst()
                .orElse(null);
        assertThat(limited)
                .as("nginx answered 429 to some of %d simultaneous logins", burst)
                .isNotNull();
        if (limited != null) {
            assertProblem(limited, 429, "too-many-requests");
            assertThat(limited.header("retry-after")).isPresent();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (failedLogin("nobody-after").status() == 429 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
    }

    @Test
    @Order(3) // after the flood
    void nginxLogsEachRefusalOnlyInTheAccessLog() {
        // A client asking past its limit must not be able to fill the disk through the error log.
        Path logs = home().resolve("nginx").resolve("logs");
        // nginx writes the access log at least once a second.
        eventually(
                Duration.ofSeconds(10),
                () -> read(logs.resolve("access.log")).contains("\"status\":429,"),
                Boolean::booleanValue,
                "the access log tells of the refusals");
        assertThat(read(logs.resolve("error.log")))
                .as("the error log has no line per refused request")
                .doesNotContain("limiting requests");
    }

    /** The log as bytes: a client's odd request may have put bytes in it that are not UTF-8. */
    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiResponse failedLogin(String login) {
        return browser()
                .post("/api/auth/login")
                .json(Map.of("login", login, "password", "not-the-password"))
                .send();
    }
}
