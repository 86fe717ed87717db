package io.freightgate.fraud.internal.ratelimit;

import io.freightgate.platform.ratelimit.BlockList;
import io.freightgate.platform.ratelimit.LimitKey;
import io.freightgate.platform.ratelimit.RateLimit;
import io.freightgate.platform.ratelimit.RateLimiter;
import io.freightgate.platform.ratelimit.UserType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The block list: a blocked key is a Redis key with a TTL ({@code fg:block:<action>:<kind>:<value>}, holding the
 * block's id and end), read in one round trip before any bucket, and a row in {@code fraud_blocks} for the audit.
 * Limit hits and failures are counted with the platform's {@link RateLimiter} (a bucket per action and key, sized by
 * {@link BlockSettings}); the one that finds its bucket empty blocks the key. Only the instance whose {@code SET NX}
 * wins writes the row, so a key blocked by two instances at once has one block. When Redis cannot answer, blocks in
 * force are read from PostgreSQL instead.
 */
public class RedisBlockList implements BlockList {

    private static final Logger log = LoggerFactory.getLogger(RedisBlockList.class);
    static final Reach BLOCKS = Reach.acrossTenants("the rate-limit block list is platform data");
    static final String SYSTEM_ACTOR = "system:rate-limits";

    private final StringRedisTemplate redis;
    private final RateLimiter limiter;
    private final BlockSettings settings;
    private final BlockRecords records;
    private final SystemAccess systemAccess;
    private final Clock clock;

    public RedisBlockList(
            StringRedisTemplate redis,
            RateLimiter limiter,
            BlockSettings settings,
            BlockRecords records,
            SystemAccess systemAccess,
            Clock clock) {
        this.redis = redis;
        this.limiter = limiter;
        this.settings = settings;
        this.records = records;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    static String redisKey(String action, LimitKey key) {
        return "fg:block:" + action + ":" + key.bucket();
    }

    @Override
    public Optional<Instant> blockedUntil(String action, List<LimitKey> keys) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<@Nullable String> found;
        try {
            found = Objects.requireNonNullElse(
                    redis.opsForValue()
                            .multiGet(keys.stream()
                                    .map(key -> redisKey(action, key))
                                    .toList()),
                    List.of());
        } catch (RuntimeException redisDown) {
            log.warn("Redis unavailable for the block list, reading blocks from PostgreSQL: {}", redisDown.toString());
            return systemAccess.transaction(
                    BLOCKS, "read the block list (Redis unavailable)", () -> records.inForceUntil(action, keys, now));
        }
        return found.stream()
                .filter(Objects::nonNull)
                .map(RedisBlockList::until)
                .filter(until -> until.isAfter(now))
                .max(Instant::compareTo);
    }

    @Override
    public void limitHit(String action, UserType userType, LimitKey key) {
        settings.limitHits(action)
                .ifPresent(hits -> count(
                        hits,
                        action,
                        userType,
                        key,
                        BlockRecords.Cause.LIMIT_HITS,
                        "over the " + action + " limit more than " + hits.capacity() + " times in " + hits.period()));
    }

    @Override
    public void failed(String action, UserType userType, LimitKey key, List<LimitKey> alongside, String what) {
        settings.failures(action).ifPresent(failures -> {
            String reason = "more than " + failures.capacity() + " failures at " + action + " in " + failures.period()
                    + " (last: " + what + ")";
            if (count(failures, action, userType, key, BlockRecords.Cause.FAILURES, reason)) {
                for (LimitKey other : alongside) {
                    block(
                            action,
                            userType,
                            other,
                            BlockRecords.Cause.FAILURES,
                            reason + " on a " + key.kind() + " blocked for it");
                }
            }
        });
    }

    /** Forgets the key's counts of hits and failures for the action (a lifted block starts afresh). */
    public void forgetCounts(String action, LimitKey key) {
        settings.limitHits(action).ifPresent(hits -> limiter.forget(hits, action + ":" + key.bucket()));
        settings.failures(action).ifPresent(failures -> limiter.forget(failures, action + ":" + key.bucket()));
    }

    /** Ends the live block of a lifted entry (if it is still the one in Redis). */
    public void release(BlockRecords.Block block) {
        String redisKey = redisKey(block.action(), block.key());
        String live = redis.opsForValue().get(redisKey);
        if (live != null && live.startsWith(block.id() + "|")) {
            redis.delete(redisKey);
        }
    }

    /** Counts one hit or failure; true when it blocked the key. */
    private boolean count(
            RateLimit limit, String action, UserType userType, LimitKey key, BlockRecords.Cause cause, String reason) {
        if (limiter.tryConsume(limit, action + ":" + key.bucket()) instanceof RateLimiter.Allowed) {
            return false;
        }
        return block(action, userType, key, cause, reason);
    }

    /** Blocks the key for the action unless it is blocked already; true when this call blocked it. */
    private boolean block(String action, UserType userType, LimitKey key, BlockRecords.Cause cause, String reason) {
        Instant now = clock.instant();
        Duration duration = settings.duration(action);
        var block = new BlockRecords.Block(
                UUID.randomUUID(),
                action,
                key,
                userType,
                cause,
                reason,
                SYSTEM_ACTOR,
                now,
                now.plus(duration),
                Optional.empty());
        Boolean first;
        try {
            first = redis.opsForValue()
                    .setIfAbsent(
                            redisKey(action, key),
                            block.id() + "|" + block.until().toEpochMilli(),
                            duration);
        } catch (RuntimeException redisDown) {
            log.warn("Redis unavailable for the block list, blocking in PostgreSQL only: {}", redisDown.toString());
            first = Boolean.TRUE;
        }
        if (!Boolean.TRUE.equals(first)) {
            return false; // blocked already (by this or another instance)
        }
        systemAccess.transaction(
                BLOCKS, "block a " + key.kind() + " for " + action + " (block " + block.id() + ")", () -> {
                    records.add(block);
                    return null;
                });
        log.info("Blocked a {} for {} until {} (block {}): {}", key.kind(), action, block.until(), block.id(), reason);
        return true;
    }

    private static Instant until(String value) {
        int bar = value.indexOf('|');
        try {
            return Instant.ofEpochMilli(Long.parseLong(value.substring(bar + 1)));
        } catch (NumberFormatException e) {
            return Instant.MIN;
        }
    }
}
