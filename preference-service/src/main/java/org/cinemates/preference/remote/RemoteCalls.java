package org.cinemates.preference.remote;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.platform.http.ServiceEndpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * Runs calls to other services: on a thread of a bounded pool, given up after the dependency's
 * time limit, and refused at once while the dependency's circuit breaker is open. Whatever goes
 * wrong (no connection, a 5xx, a timeout, an open breaker, an unreadable answer) comes out as
 * {@link DependencyUnavailable}, which callers turn into a {@code degraded} answer or a 503. A
 * 4xx is the other service's answer, not a failure: it reaches the caller unchanged and does not
 * count against the breaker.
 */
public class RemoteCalls implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RemoteCalls.class);

    /** Trace context crosses to the pool's threads; the member's security context does not. */
    private static final ContextSnapshotFactory TRACE_CONTEXT = ContextSnapshotFactory.builder()
            .captureKeyPredicate(ObservationThreadLocalAccessor.KEY::equals)
            .build();

    private final CircuitBreakerRegistry breakers;
    private final TimeLimiterRegistry limiters;
    private final ExecutorService executor;
    private final Duration connectTimeout;

    /**
     * @param maxConcurrent calls in flight at once, each on a thread of its own. There is no
     *     queue: when every thread is busy waiting on other services, another call is refused (and
     *     degrades) instead of waiting in line behind them.
     */
    public RemoteCalls(
            CircuitBreakerRegistry breakers, TimeLimiterRegistry limiters, int maxConcurrent, Duration connectTimeout) {
        this.breakers = breakers;
        this.limiters = limiters;
        this.connectTimeout = connectTimeout;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                0,
                maxConcurrent,
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                work -> {
                    Thread thread = new Thread(work, "remote-call-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /**
     * Where a dependency lives; its HTTP read timeout is its time limit, so a thread never waits
     * for an answer nobody waits for any more.
     */
    public ServiceEndpoint endpoint(Dependency dependency, URI baseUrl) {
        Duration limit = timeLimit(dependency);
        return new ServiceEndpoint(
                dependency.serviceName(), baseUrl, connectTimeout.compareTo(limit) < 0 ? connectTimeout : limit, limit);
    }

    public Duration timeLimit(Dependency dependency) {
        return limiters.timeLimiter(dependency.serviceName())
                .getTimeLimiterConfig()
                .getTimeoutDuration();
    }

    /**
     * Calls {@code dependency} through its breaker and time limit.
     *
     * @throws DependencyUnavailable when there is no usable answer in time
     * @throws HttpClientErrorException when the dependency answered with a 4xx
     */
    public <T> T call(Dependency dependency, Supplier<T> call) {
        return start(dependency, call).answer();
    }

    /**
     * Starts calling {@code dependency} through its breaker on a thread of the pool (with the
     * caller's trace), so the caller can work meanwhile and then take the {@link Call#answer}. A call
     * that cannot start (an open breaker, a full pool) fails when its answer is taken.
     */
    public <T> Call<T> start(Dependency dependency, Supplier<T> call) {
        String name = dependency.serviceName();
        CircuitBreaker breaker = breakers.circuitBreaker(name);
        TimeLimiter limiter = limiters.timeLimiter(name);
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException e) {
            return Call.refused(name, breaker, limiter);
        }
        long started = breaker.getCurrentTimestamp();
        try {
            return new Call<>(name, breaker, limiter, started, CompletableFuture.supplyAsync(traced(call), executor));
        } catch (RejectedExecutionException e) {
            // Our own saturation, not the dependency's failure: the breaker does not count it.
            breaker.releasePermission();
            log.warn("Too many calls to other services in flight; not calling {}", name);
            return Call.refused(name, breaker, limiter);
        }
    }

    /** A call to another service under way; its answer is taken once. */
    public static final class Call<T> {

        private final String name;
        private final CircuitBreaker breaker;
        private final TimeLimiter limiter;
        private final long started;
        /** Null when the call never started (the breaker does not count it). */
        private final @Nullable CompletableFuture<T> answer;

        private Call(
                String name,
                CircuitBreaker breaker,
                TimeLimiter limiter,
                long started,
                @Nullable CompletableFuture<T> answer) {
            this.name = name;
            this.breaker = breaker;
            this.limiter = limiter;
            this.started = started;
            this.answer = answer;
        }

        private static <T> Call<T> refused(String name, CircuitBreaker breaker, TimeLimiter limiter) {
            return new Call<>(name, breaker, limiter, 0, null);
        }

        /**
         * Waits for the answer, at most the dependency's time limit (the call's own read timeout,
         * the same limit, bounds it from its start).
         *
         * @throws DependencyUnavailable when there is no usable answer in time
         * @throws HttpClientErrorException when the dependency answered with a 4xx
         */
        public T answer() {
            CompletableFuture<T> pending = answer;
            if (pending == null) {
                throw new DependencyUnavailable(name);
            }
            try {
                T result = limiter.executeFutureSupplier(() -> pending);
                breaker.onResult(breaker.getCurrentTimestamp() - started, breaker.getTimestampUnit(), result);
                return result;
            } catch (Exception e) {
                breaker.onError(breaker.getCurrentTimestamp() - started, breaker.getTimestampUnit(), e);
                throw unavailable(name, limiter, e);
            }
        }
    }

    private static RuntimeException unavailable(String name, TimeLimiter limiter, Exception failure) {
        if (failure instanceof HttpClientErrorException || failure instanceof DependencyUnavailable) {
            return (RuntimeException) failure;
        }
        if (failure instanceof TimeoutException) {
            log.warn(
                    "{} did not answer within {}",
                    name,
                    limiter.getTimeLimiterConfig().getTimeoutDuration());
        } else if (failure instanceof RestClientException) {
            log.warn("{} gave no usable answer: {}", name, failure.getMessage());
        } else {
            log.warn("Calling {} failed", name, failure);
        }
        return new DependencyUnavailable(name);
    }

    /** Starts {@code work} on the pool, to run alongside the caller (with the caller's trace). */
    public <T> CompletableFuture<T> fork(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(traced(work), executor);
        } catch (RejectedExecutionException e) {
            // Every thread is busy: do the work here and now rather than not at all.
            return CompletableFuture.supplyAsync(work, Runnable::run);
        }
    }

    /**
     * Waits for forked work and gives its result, or throws what it threw (not wrapped in a
     * {@link java.util.concurrent.CompletionException}).
     */
    public static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static <T> Supplier<T> traced(Supplier<T> work) {
        ContextSnapshot snapshot = TRACE_CONTEXT.captureAll();
        return () -> {
            try (ContextSnapshot.Scope scope = snapshot.setThreadLocals()) {
                return work.get();
            }
        };
    }
}
