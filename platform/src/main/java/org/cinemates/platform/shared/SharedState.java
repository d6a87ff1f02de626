package org.cinemates.platform.shared;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The connection to Redis, or the lack of one. Every operation degrades instead of failing: when
 * Redis is not configured, or did not answer within the command timeout, reads find nothing and
 * writes are dropped, and callers keep their local state. After a failure the instance stays
 * local for {@code retry-after} before it tries Redis again.
 */
public class SharedState implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SharedState.class);

    /** What an instance is running on. */
    public enum Mode {
        /** No Redis configured: every instance on its own state, as intended. */
        LOCAL,
        /** Redis answers: instances share their state. */
        SHARED,
        /** Redis is configured but unreachable: instances fall back to their own state. */
        DEGRADED
    }

    private final SharedStateSettings settings;
    private final Clock clock;
    private final @Nullable RedisClient client;
    private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;
    private volatile @Nullable ProxyManager<String> buckets;
    private volatile Instant retryAt = Instant.EPOCH;
    private volatile @Nullable String lastFailure;

    public SharedState(SharedStateSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        if (settings.configured()) {
            RedisClient redis = RedisClient.create(RedisURI.create(Objects.requireNonNull(settings.url())));
            redis.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                    .build());
            redis.setDefaultTimeout(settings.commandTimeout());
            this.client = redis;
        } else {
            this.client = null;
        }
    }

    public Mode mode() {
        if (client == null) {
            return Mode.LOCAL;
        }
        return connect() != null ? Mode.SHARED : Mode.DEGRADED;
    }

    public @Nullable String lastFailure() {
        return lastFailure;
    }

    public String key(String name) {
        return settings.keyPrefix() + name;
    }

    /** Redis's rate-limit buckets, or empty while instances must use their own. */
    public Optional<ProxyManager<String>> buckets() {
        return connect() == null ? Optional.empty() : Optional.ofNullable(buckets);
    }

    /** Runs a command against Redis; empty when Redis is not there (and then it is not tried). */
    public <T> Optional<T> call(Function<StatefulRedisConnection<String, byte[]>, @Nullable T> command) {
        StatefulRedisConnection<String, byte[]> redis = connect();
        if (redis == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(command.apply(redis));
        } catch (RuntimeException e) {
            failed(e);
            return Optional.empty();
        }
    }

    public Optional<String> get(String name) {
        return call(redis -> redis.sync().get(key(name))).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** Reads several keys in one round trip; a key Redis does not hold is null in the list. */
    public Optional<List<@Nullable String>> getAll(List<String> names) {
        return call(redis -> redis.sync().mget(names.stream().map(this::key).toArray(String[]::new)).stream()
                .map(kv -> kv.hasValue() ? new String(kv.getValue(), StandardCharsets.UTF_8) : null)
                .toList());
    }

    /** Stores a value for a while; returns false when it could only be kept locally. */
    public boolean put(String name, String value, Duration ttl) {
        return call(redis -> redis.sync()
                        .set(
                                key(name),
                                value.getBytes(StandardCharsets.UTF_8),
                                SetArgs.Builder.px(Math.max(1, ttl.toMillis()))))
                .isPresent();
    }

    /** Reports a failure a caller met while using {@link #buckets()}: fall back for a while. */
    public void failed(RuntimeException e) {
        retryAt = clock.instant().plus(settings.retryAfter());
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (lastFailure == null) {
            log.warn("Redis is unreachable, using local state for {}: {}", settings.retryAfter(), message);
        }
        lastFailure = message;
        StatefulRedisConnection<String, byte[]> broken = connection;
        if (broken != null && !broken.isOpen()) {
            connection = null;
            buckets = null;
            broken.closeAsync();
        }
    }

    private @Nullable StatefulRedisConnection<String, byte[]> connect() {
        RedisClient redis = client;
        if (redis == null) {
            return null;
        }
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current != null && current.isOpen()) {
            if (clock.instant().isBefore(retryAt)) {
                return null;
            }
            return current;
        }
        if (clock.instant().isBefore(retryAt)) {
            return null;
        }
        synchronized (this) {
            current = connection;
            if (current != null && current.isOpen()) {
                return current;
            }
            try {
                StatefulRedisConnection<String, byte[]> fresh =
                        redis.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                buckets = Bucket4jLettuce.casBasedBuilder(fresh)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                Duration.ofMinutes(1)))
                        .build();
                connection = fresh;
                if (lastFailure != null) {
                    log.info("Redis answers again: instances share their state");
                }
                lastFailure = null;
                return fresh;
            } catch (RuntimeException e) {
                failed(e);
                return null;
            }
        }
    }

    @Override
    public void destroy() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        RedisClient redis = client;
        if (redis != null) {
            redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
