package io.freightgate.fraud.internal;

import io.freightgate.fraud.internal.domain.velocity.CountedAttempt;
import io.freightgate.fraud.internal.domain.velocity.VelocityCounts;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a decision's velocity counters come from: Redis while it answers; when it does not, the same counts recomputed
 * from PostgreSQL (in a read-only transaction of their own, before the screening's, with a statement timeout, so a
 * failure there cannot spoil the screening); when that fails too, nothing ({@link Reading.Unavailable}), and the rules
 * that need the counters answer REVIEW (docs/fraud.md). Payments keep flowing in every case.
 *
 * <p>After Redis failed, it is left alone for {@code retryAfter} (a decision does not wait for its timeout again and
 * again) and then tried again, so it is used again as soon as it is back, without a restart; the health check tries it
 * at once. While Redis is not used, {@link #degraded()} is true and the health says so.
 */
public class VelocityCounters {

    private static final Logger log = LoggerFactory.getLogger(VelocityCounters.class);
    private static final Reach RECOUNT = Reach.acrossTenants("velocity counters recomputed from fraud decisions");

    private final RedisVelocityCounters redis;
    private final JdbcVelocityCounters database;
    private final SystemAccess systemAccess;
    private final Clock clock;
    private final Duration retryAfter;
    private final Duration statementTimeout;
    private volatile Instant redisBlockedUntil = Instant.MIN;
    private volatile boolean degraded;

    public VelocityCounters(
            RedisVelocityCounters redis,
            JdbcVelocityCounters database,
            SystemAccess systemAccess,
            Clock clock,
            Duration retryAfter,
            Duration statementTimeout) {
        this.redis = redis;
        this.database = database;
        this.systemAccess = systemAccess;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.statementTimeout = statementTimeout;
    }

    /** Where a decision's counters came from, or that there are none. */
    public sealed interface Reading {
        record Counted(VelocityCounts counts, Source source) implements Reading {}

        record Unavailable(String reason) implements Reading {}
    }

    public enum Source {
        REDIS,
        POSTGRESQL
    }

    /** Counts the attempt (once) and reads its counters. */
    public Reading count(CountedAttempt attempt) {
        String redisFailure = "Redis is left alone until " + redisBlockedUntil;
        if (!clock.instant().isBefore(redisBlockedUntil)) {
            try {
                VelocityCounts counts = redis.count(attempt);
                redisAnswered();
                return new Reading.Counted(counts, Source.REDIS);
            } catch (RuntimeException e) {
                redisFailure = redisFailed(e);
            }
        }
        try {
            return new Reading.Counted(
                    systemAccess.transaction(RECOUNT, "recount velocity of attempt " + attempt.attempt(), () -> {
                        database.statementTimeout(statementTimeout);
                        return database.count(attempt);
                    }),
                    Source.POSTGRESQL);
        } catch (RuntimeException e) {
            log.error("Velocity counters unavailable: {}; PostgreSQL: {}", redisFailure, e.toString());
            return new Reading.Unavailable("Redis: " + redisFailure + "; PostgreSQL: " + e.getMessage());
        }
    }

    /** Counts a declined attempt in Redis (PostgreSQL has it already); while Redis is not used, only there. */
    public void declined(CountedAttempt attempt) {
        if (clock.instant().isBefore(redisBlockedUntil)) {
            return;
        }
        try {
            redis.declined(attempt);
            redisAnswered();
        } catch (RuntimeException e) {
            redisFailed(e);
        }
    }

    /** True while Redis is not used for the counters (they come from PostgreSQL, or not at all). */
    public boolean degraded() {
        return degraded;
    }

    /** Asks Redis whether it answers now, and uses it again at once when it does. */
    public boolean probe() {
        if (redis.answers()) {
            redisAnswered();
            return true;
        }
        return false;
    }

    private void redisAnswered() {
        redisBlockedUntil = Instant.MIN;
        if (degraded) {
            degraded = false;
            log.info("Velocity counters are back on Redis");
        }
    }

    private String redisFailed(RuntimeException e) {
        redisBlockedUntil = clock.instant().plus(retryAfter);
        if (!degraded) {
            degraded = true;
            log.warn("Redis unavailable for the velocity counters, recounting from PostgreSQL: {}", e.toString());
        }
        return e.toString();
    }
}
