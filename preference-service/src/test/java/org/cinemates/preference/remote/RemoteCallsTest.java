package org.cinemates.preference.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.platform.http.ServiceEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

class RemoteCallsTest {

    private static final Duration LIMIT = Duration.ofMillis(300);

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(4)
            .minimumNumberOfCalls(4)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofMinutes(10))
            .ignoreExceptions(HttpClientErrorException.class)
            .build());
    private final TimeLimiterRegistry limiters = TimeLimiterRegistry.of(
            TimeLimiterConfig.custom().timeoutDuration(LIMIT).build());
    private final RemoteCalls remote = new RemoteCalls(breakers, limiters, 4, Duration.ofSeconds(1));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        remote.destroy();
    }

    private CircuitBreaker breaker() {
        return breakers.circuitBreaker(Dependency.USER_SERVICE.serviceName());
    }

    private String hang() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "late";
    }

    @Test
    void answersComeThrough() {
        assertThat(remote.call(Dependency.USER_SERVICE, () -> "answer")).isEqualTo("answer");
        assertThat(breaker().getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void aCallIsGivenUpAfterItsTimeLimit() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> remote.call(Dependency.USER_SERVICE, this::hang))
                .isInstanceOf(DependencyUnavailable.class)
                .hasMessageContaining("user-service");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isGreaterThanOrEqualTo(LIMIT.minusMillis(50)).isLessThan(Duration.ofSeconds(3));
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void anOpenBreakerRefusesAtOnceWithoutCalling() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> remote.call(Dependency.USER_SERVICE, () -> {
                        throw new DependencyUnavailable("user-service");
                    }))
                    .isInstanceOf(DependencyUnavailable.class);
        }
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        AtomicInteger called = new AtomicInteger();

        assertThatThrownBy(() -> remote.call(Dependency.USER_SERVICE, called::incrementAndGet))
                .isInstanceOf(DependencyUnavailable.class);

        assertThat(called).hasValue(0);
        assertThat(breakers.circuitBreaker("movie-service").getState())
                .as("each dependency has its own breaker")
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aClientErrorIsAnAnswerNotAFailure() {
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> remote.call(Dependency.USER_SERVICE, () -> {
                        throw HttpClientErrorException.create(
                                HttpStatus.NOT_FOUND,
                                "Not Found",
                                HttpHeaders.EMPTY,
                                new byte[0],
                                StandardCharsets.UTF_8);
                    }))
                    .isInstanceOf(HttpClientErrorException.NotFound.class);
        }
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void whenEveryThreadIsBusyACallFailsAtOnceWithoutBlamingTheDependency() {
        for (int i = 0; i < 4; i++) {
            remote.fork(this::hang);
        }
        long started = System.nanoTime();

        assertThatThrownBy(() -> remote.call(Dependency.USER_SERVICE, () -> "never"))
                .isInstanceOf(DependencyUnavailable.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LIMIT);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(remote.fork(() -> "done inline").join()).isEqualTo("done inline");
    }

    @Test
    void aStartedCallRunsOnOnePoolThreadWhileTheCallerWorks() throws InterruptedException {
        CountDownLatch callerWorked = new CountDownLatch(1);
        RemoteCalls.Call<String> call = remote.start(Dependency.USER_SERVICE, () -> {
            try {
                callerWorked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Thread.currentThread().getName();
        });
        // start returned while the call waits for the caller: the two run side by side.
        callerWorked.countDown();

        assertThat(call.answer()).startsWith("remote-call-");
        assertThat(breaker().getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
        // The call took one of the pool's four threads, and only while it ran: four more fit.
        CountDownLatch running = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            remote.start(Dependency.USER_SERVICE, () -> {
                running.countDown();
                return hang();
            });
        }
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStartedCallThatCannotStartFailsWhenItsAnswerIsTaken() {
        for (int i = 0; i < 4; i++) {
            remote.fork(this::hang);
        }
        RemoteCalls.Call<String> call = remote.start(Dependency.USER_SERVICE, () -> "never");

        assertThatThrownBy(call::answer).isInstanceOf(DependencyUnavailable.class);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls())
                .as("our own saturation is not the dependency's failure")
                .isZero();
        assertThat(breaker().getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void theHttpReadTimeoutIsTheTimeLimit() {
        ServiceEndpoint endpoint = remote.endpoint(Dependency.MOVIE_SERVICE, URI.create("http://127.0.0.1:8082"));
        assertThat(endpoint.name()).isEqualTo("movie-service");
        assertThat(endpoint.readTimeout()).isEqualTo(LIMIT);
        assertThat(endpoint.connectTimeout()).isEqualTo(LIMIT);
    }
}
