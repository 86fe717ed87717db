package io.freightgate.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one rate-limiting mechanism of FreightGate: token buckets (Bucket4j) kept in Redis, so every instance shares
 * them. Keys are per caller and action (never one global key, which would make every instance contend for it). When
 * Redis cannot be reached the limiter degrades to buckets in this JVM instead of failing requests, and says so in the
 * log and through {@link #degraded()}.
 */
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final int MAX_LOCAL_BUCKETS = 100_000;

    private final Supplier<RedisClient> redisClient;
    // Both null until the first limited request opens the Redis connection.
    private volatile @Nullable ProxyManager<byte[]> redisBuckets;
    private volatile @Nullable StatefulRedisConnection<byte[], byte[]> connection;
    private final Map<String, Bucket> localBuckets = new ConcurrentHashMap<>();
    private volatile boolean degraded;

    public RateLimiter(Supplier<RedisClient> redisClient) {
        this.redisClient = redisClient;
    }

    /** What a request finds: allowed (with what is left) or limited (with when to come back). */
    public sealed interface Decision {}

    /** Allowed, with the tokens left and the time until the bucket is full again. */
    public record Allowed(long remaining, Duration reset) implements Decision {
        public Allowed(long remaining) {
            this(remaining, Duration.ZERO);
        }
    }

    public record Limited(Duration retryAfter) implements Decision {}

    public Decision tryConsume(RateLimit limit, String callerKey) {
        String key = "fg:rl:" + limit.name() + ":" + callerKey;
        ConsumptionProbe probe;
        try {
            probe = redis().builder()
                    .build(key.getBytes(StandardCharsets.UTF_8), () -> configuration(limit))
                    .tryConsumeAndReturnRemaining(1);
            if (degraded) {
                degraded = false;
                log.info("Rate limiting is back on Redis");
            }
        } catch (RuntimeException e) {
            if (!degraded) {
                degraded = true;
                log.warn("Redis unavailable for rate limiting, using local buckets: {}", e.toString());
            }
            probe = local(key, limit).tryConsumeAndReturnRemaining(1);
        }
        return probe.isConsumed()
                ? new Allowed(probe.getRemainingTokens(), Duration.ofNanos(probe.getNanosToWaitForReset()))
                : new Limited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Gives back one token that {@link #tryConsume} took, never beyond the capacity: for limits that count only some
     * outcomes (failed logins, failed client authentications). Such a limit takes its token before the attempt, so
     * parallel attempts cannot all pass a check made before any of them is counted, and gives it back once the attempt
     * turned out not to count.
     */
    public void refund(RateLimit limit, String callerKey) {
        String key = "fg:rl:" + limit.name() + ":" + callerKey;
        try {
            redis().builder()
                    .build(key.getBytes(StandardCharsets.UTF_8), () -> configuration(limit))
                    .addTokens(1);
        } catch (RuntimeException e) {
            local(key, limit).addTokens(1);
        }
    }

    /** Forgets a caller's bucket for a limit: its next action starts with a full one (a lifted block starts afresh). */
    public void forget(RateLimit limit, String callerKey) {
        String key = "fg:rl:" + limit.name() + ":" + callerKey;
        localBuckets.remove(key);
        try {
            redis().removeProxy(key.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            log.warn("Could not forget rate-limit bucket {}: {}", limit.name(), e.toString());
        }
    }

    /** True while Redis is unreachable and limits hold per instance only. */
    public boolean degraded() {
        return degraded;
    }

    private ProxyManager<byte[]> redis() {
        ProxyManager<byte[]> buckets = redisBuckets;
        if (buckets == null) {
            synchronized (this) {
                buckets = redisBuckets;
                if (buckets == null) {
                    StatefulRedisConnection<byte[], byte[]> opened =
                            redisClient.get().connect(ByteArrayCodec.INSTANCE);
                    opened.setTimeout(Duration.ofMillis(500));
                    connection = opened;
                    buckets = Bucket4jLettuce.casBasedBuilder(opened)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                    Duration.ofMinutes(1)))
                            .build();
                    redisBuckets = buckets;
                }
            }
        }
        return buckets;
    }

    private Bucket local(String key, RateLimit limit) {
        if (localBuckets.size() > MAX_LOCAL_BUCKETS) {
            localBuckets.clear();
        }
        return localBuckets.computeIfAbsent(
                key, k -> Bucket.builder().addLimit(bandwidth(limit)).build());
    }

    private static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    private static Bandwidth bandwidth(RateLimit limit) {
        return Bandwidth.builder()
                .capacity(limit.capacity())
                .refillGreedy(limit.capacity(), limit.period())
                .build();
    }

    public void close() {
        StatefulRedisConnection<byte[], byte[]> open = connection;
        if (open != null) {
            open.close();
        }
    }
}
