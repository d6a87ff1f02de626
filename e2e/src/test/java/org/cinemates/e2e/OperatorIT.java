package org.cinemates.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.platform.test.TestTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** What operators do with the cinemates command while the system runs. */
@Order(7)
class OperatorIT extends EndToEnd {

    @Test
    void anOperatorMakesAMemberAdminAndTheNextTokenCarriesIt() throws Exception {
        Member curator = join("Curator");
        assertThat(TestTokens.roles(curator.accessToken())).containsExactly("USER");

        cinemates("admin", "grant", curator.username());
        assertThat(curator.browser().post("/api/auth/refresh").send().status()).isEqualTo(200);
        assertThat(TestTokens.roles(curator.accessToken())).containsExactly("USER", "ADMIN");

        cinemates("admin", "revoke", curator.username());
        assertThat(curator.browser().post("/api/auth/refresh").send().status()).isEqualTo(200);
        assertThat(TestTokens.roles(curator.accessToken())).containsExactly("USER");
    }

    @Test
    void rotatingTheSigningKeysLogsNobodyOut() throws Exception {
        Member member = join("Rotation");
        String before = TestTokens.header(member.accessToken()).path("kid").asString();

        cinemates("keys", "rotate");

        ApiResponse withTheOldKey =
                member.browser().get("/api/preferences/ratings").send();
        assertThat(withTheOldKey.status())
                .as("a token signed with the old key still works everywhere: %s", withTheOldKey)
                .isEqualTo(200);
        assertThat(member.browser().post("/api/auth/refresh").send().status()).isEqualTo(200);
        assertThat(TestTokens.header(member.accessToken()).path("kid").asString())
                .as("new tokens are signed with the new key")
                .isNotEqualTo(before);
        // A service refetches the key set at most once a second (JwtVerification), so one that
        // refetched it for a forged key id just before (FuzzIT sends such tokens) turns the new
        // key's first tokens away for at most that long.
        ApiResponse withTheNewKey = eventually(
                Duration.ofSeconds(3),
                () -> member.browser().get("/api/activities/feed").send(),
                answer -> answer.status() != 401,
                "a token signed with the new key to be accepted once the key set may be refetched");
        assertThat(withTheNewKey.status()).as("%s", withTheNewKey).isEqualTo(200);
    }

    @Test
    void aBackupHoldsEveryServicesDatabase() throws Exception {
        assumeTrue(
                Integer.getInteger("cinemates.e2e.replicas", 1) > 1,
                "online backups are PostgreSQL's (production mode)");
        join("Backup");
        Path target = Files.createTempDirectory("cinemates-backup");
        Files.delete(target);

        cinemates("backup", target.toString());

        for (String service : List.of("user-service", "movie-service", "activity-service", "preference-service")) {
            assertThat(target.resolve(service + ".dump")).isNotEmptyFile();
        }
    }

    /**
     * ./cinemates test starts this instance with CINEMATES_TRAINING=off: a switch of the command
     * it was given to. Remembered, it would skip the training run of every later build's start.
     */
    @Test
    void theInstanceRemembersItsSettingsButNotTheTrainingRunsSwitches() throws Exception {
        var settings = settings();
        assertThat(settings).containsKey("CINEMATES_HTTP_PORT");
        assertThat(settings.stringPropertyNames()).doesNotContain("CINEMATES_TRAINING", "CINEMATES_TRAINING_SECONDS");
    }

    @Test
    void everyServiceExposesItsOperationalMetricsOnItsOwnPort() throws Exception {
        var settings = settings();
        join("Metrics");
        java.util.Map<String, List<String>> expected = java.util.Map.of(
                "CINEMATES_USERS_PORT", List.of("cinemates_outbox_backlog", "cinemates_outbox_delivered_total"),
                "CINEMATES_MOVIES_PORT", List.of("cinemates_import_processed_rows", "cinemates_import_total_rows"),
                "CINEMATES_ACTIVITIES_PORT", List.of("jvm_threads_live_threads"),
                "CINEMATES_PREFERENCES_PORT", List.of("cinemates_outbox_backlog"));
        for (var service : expected.entrySet()) {
            String body = metricsOn(settings.getProperty(service.getKey()));
            assertThat(body)
                    .as("metrics of %s", service.getKey())
                    .contains("http_server_requests_seconds", "hikaricp_connections_active", "jvm_memory_used_bytes");
            for (String metric : service.getValue()) {
                assertThat(body).as("%s on %s", metric, service.getKey()).contains(metric);
            }
        }
        assertThat(browser().get("/actuator/prometheus").send().body())
                .as("never through nginx")
                .doesNotContain("jvm_memory_used_bytes");
    }

    /**
     * preference-service retrains the recommender beside its requests, and the training's matrices
     * do not fit in the 512 MB the other services may grow to: the JVM would end (it exits on an
     * OutOfMemoryError) and every recommendation, rating and summary with it.
     */
    @Test
    void preferenceServiceMayGrowItsHeapToRetrainBesideItsRequests() throws Exception {
        long mib = 1024 * 1024;
        assertThat(heapCeiling("preference-service")).isGreaterThanOrEqualTo(900 * mib);
        assertThat(heapCeiling("user-service")).isLessThan(600 * mib);
    }

    /** The sum of the heap pools' maxima, as the service's own metrics give them. */
    private static long heapCeiling(String service) {
        double sum = metricsOn(String.valueOf(Services.ports().get(service)))
                .lines()
                .filter(line -> line.startsWith("jvm_memory_max_bytes{") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .filter(max -> max > 0)
                .sum();
        assertThat(sum).as("heap pools of %s", service).isPositive();
        return (long) sum;
    }

    /** A service's Prometheus page, from its own port (nginx never serves it). */
    private static String metricsOn(String port) {
        return new ApiClient("http://127.0.0.1:" + port)
                .get("/actuator/prometheus")
                .send()
                .body();
    }

    /** The settings the instance remembers ({@code settings.env}: NAME=VALUE lines). */
    private static Properties settings() throws IOException {
        var settings = new Properties();
        try (var reader = Files.newBufferedReader(home().resolve("settings.env"))) {
            settings.load(reader);
        }
        return settings;
    }
}
