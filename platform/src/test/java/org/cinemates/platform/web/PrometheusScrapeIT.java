package org.cinemates.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cinemates.platform.PlatformTestApplication;
import org.cinemates.platform.test.ApiClient;
import org.cinemates.platform.test.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What Prometheus reads from a platform service: every Prometheus, old ones included. */
@SpringBootTest(
        classes = PlatformTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The same context as ProblemDetailsIT, so it is started once for both.
        properties = {
            "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "cinemates.web.max-body-size=2KB",
            "cinemates.security.jwt.jwks-uri=http://127.0.0.1:1/api/auth/jwks.json",
            "cinemates.security.jwt.jwks-timeout=500ms"
        })
class PrometheusScrapeIT {

    /** Prometheus asks for OpenMetrics first; this is the header it sends. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    @LocalServerPort
    int port;

    @Test
    void exemplarsAreOnlyWhereEveryPrometheusAcceptsThem() {
        ApiClient client = new ApiClient("http://127.0.0.1:" + port);
        // Traced requests, whose trace ids could become exemplars.
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/public/search?q=a").send().status()).isEqualTo(200);
        }

        ApiResponse scrape = client.get("/actuator/prometheus")
                .header("Accept", PROMETHEUS_ACCEPT)
                .send();

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("application/openmetrics-text");
        assertThat(scrape.body()).contains("http_server_requests_seconds_count{");
        // Prometheus before 2.43 (Debian 12 ships 2.42) drops the whole scrape when a _count or
        // _sum line carries one: "metric name ... does not support exemplars".
        assertThat(scrape.body().lines().filter(line -> line.contains(" # {")))
                .as("lines with exemplars")
                .allSatisfy(line -> assertThat(line).containsAnyOf("_bucket{", "_total{"));
    }
}
