package io.freightgate.fraud.internal;

import io.freightgate.fraud.internal.domain.velocity.CountedAttempt;
import io.freightgate.fraud.internal.domain.velocity.Counter;
import io.freightgate.fraud.internal.domain.velocity.Dimension;
import io.freightgate.fraud.internal.domain.velocity.Measure;
import io.freightgate.fraud.internal.domain.velocity.VelocityCounts;
import io.freightgate.fraud.internal.domain.velocity.Window;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The velocity counters in Redis, shared by every instance: per measure and per value of a dimension one sorted set
 * whose members are attempt ids (for attempts and declined attempts) or card fingerprints (for distinct cards), scored
 * by the time in milliseconds. Adding an attempt that is there already changes nothing ({@code ZADD NX}), so a
 * screening or a decline heard twice counts once; a card tried again moves to its latest time. A window's count is a
 * {@code ZCOUNT} from its start; members older than the longest window are trimmed and a set nobody touches for longer
 * than it expires.
 *
 * <p>One decision is one round trip: the attempt's additions, trims and every count are sent pipelined (each command
 * is written before any answer is awaited) and Redis runs them in order, so the counts include the attempt itself.
 * Any failure (no connection, a timeout, an error answer) is thrown as it is: {@link VelocityCounters} falls back.
 */
public class RedisVelocityCounters {

    static final String PREFIX = "fg:fraud:velocity:";
    private static final Duration KEEP = Window.LONGEST.length().plusHours(1);

    private final Supplier<RedisClient> client;
    private final Duration timeout;
    private volatile @Nullable StatefulRedisConnection<String, String> connection;

    public RedisVelocityCounters(Supplier<RedisClient> client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** Counts the attempt (once) and answers every counter of its dimensions, itself included. */
    public VelocityCounts count(CountedAttempt attempt) {
        try {
            return pipelined(attempt);
        } catch (RuntimeException e) {
            reset();
            throw e;
        }
    }

    private VelocityCounts pipelined(CountedAttempt attempt) {
        RedisAsyncCommands<String, String> redis = connection().async();
        long now = attempt.at().toEpochMilli();
        List<RedisFuture<?>> all = new ArrayList<>();
        Map<Counter, RedisFuture<Long>> counts = new LinkedHashMap<>();
        for (Map.Entry<Dimension, String> key : attempt.keys().entrySet()) {
            Dimension dimension = key.getKey();
            String attempts = key(Measure.ATTEMPTS, dimension, key.getValue());
            all.add(redis.zadd(attempts, ZAddArgs.Builder.nx(), (double) now, attempt.attempt()));
            trim(redis, attempts, now, all);
            String cards = key(Measure.DISTINCT_CARDS, dimension, key.getValue());
            if (Measure.DISTINCT_CARDS.appliesTo(dimension) && attempt.card().isPresent()) {
                all.add(redis.zadd(cards, (double) now, attempt.card().orElseThrow()));
                trim(redis, cards, now, all);
            }
            String declined = key(Measure.DECLINED_ATTEMPTS, dimension, key.getValue());
            for (Window window : Window.values()) {
                Range<Long> range = Range.from(
                        Range.Boundary.excluding(now - window.length().toMillis()), Range.Boundary.unbounded());
                counts.put(new Counter(Measure.ATTEMPTS, dimension, window), redis.zcount(attempts, range));
                counts.put(new Counter(Measure.DECLINED_ATTEMPTS, dimension, window), redis.zcount(declined, range));
                if (Measure.DISTINCT_CARDS.appliesTo(dimension)) {
                    counts.put(new Counter(Measure.DISTINCT_CARDS, dimension, window), redis.zcount(cards, range));
                }
            }
        }
        all.addAll(counts.values());
        await(all);
        Map<Counter, Long> values = new LinkedHashMap<>();
        counts.forEach((counter, future) -> values.put(counter, value(future)));
        return new VelocityCounts(values);
    }

    /** Counts a declined attempt (once) for each of its dimensions, in one round trip. */
    public void declined(CountedAttempt attempt) {
        try {
            pipelinedDecline(attempt);
        } catch (RuntimeException e) {
            reset();
            throw e;
        }
    }

    private void pipelinedDecline(CountedAttempt attempt) {
        RedisAsyncCommands<String, String> redis = connection().async();
        long now = attempt.at().toEpochMilli();
        List<RedisFuture<?>> all = new ArrayList<>();
        for (Map.Entry<Dimension, String> key : attempt.keys().entrySet()) {
            String declined = key(Measure.DECLINED_ATTEMPTS, key.getKey(), key.getValue());
            all.add(redis.zadd(declined, ZAddArgs.Builder.nx(), (double) now, attempt.attempt()));
            trim(redis, declined, now, all);
        }
        await(all);
    }

    /** Whether Redis answers now. */
    public boolean answers() {
        try {
            RedisFuture<String> ping = connection().async().ping();
            await(List.of(ping));
            return "PONG".equals(value(ping));
        } catch (RuntimeException e) {
            reset();
            return false;
        }
    }

    /**
     * Drops a connection that failed: the next use connects anew (at once when Redis is back) instead of queueing
     * commands on a connection that waits for its own reconnection.
     */
    private synchronized void reset() {
        StatefulRedisConnection<String, String> failed = connection;
        connection = null;
        if (failed != null) {
            failed.closeAsync();
        }
    }

    static String key(Measure measure, Dimension dimension, String value) {
        return PREFIX + measure.word() + ":" + dimension.word() + ":" + value;
    }

    private static void trim(RedisAsyncCommands<String, String> redis, String key, long now, List<RedisFuture<?>> all) {
        all.add(redis.zremrangebyscore(
                key,
                Range.from(
                        Range.Boundary.unbounded(),
                        Range.Boundary.including(now - Window.LONGEST.length().toMillis()))));
        all.add(redis.pexpire(key, KEEP.toMillis()));
    }

    private void await(List<RedisFuture<?>> futures) {
        if (!LettuceFutures.awaitAll(timeout, futures.toArray(RedisFuture[]::new))) {
            throw new IllegalStateException("Redis did not answer the velocity counters within " + timeout);
        }
    }

    private static <T> T value(RedisFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the velocity counters", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Redis refused a velocity counter", e.getCause());
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> open = connection;
        if (open == null) {
            synchronized (this) {
                open = connection;
                if (open == null) {
                    open = client.get().connect(StringCodec.UTF8);
                    open.setTimeout(timeout);
                    connection = open;
                }
            }
        }
        return open;
    }

    public void close() {
        StatefulRedisConnection<String, String> open = connection;
        if (open != null) {
            open.close();
        }
    }
}
