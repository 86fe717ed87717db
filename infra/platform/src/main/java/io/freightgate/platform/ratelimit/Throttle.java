package io.freightgate.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rate limits by policy: an action by a user type, counted per key, as the {@link RateLimitPolicy} table says, after the
 * {@link BlockList} found none of the keys blocked. Every key of an action takes from its own bucket (the pay link's
 * and the address's for a payment attempt); the first one that is empty answers for the request, and its hit is told
 * to the block list, which blocks a key that keeps hitting its limit.
 */
public class Throttle {

    private final RateLimiter limiter;
    private final RateLimitPolicy policy;
    private final BlockList blocks;
    private final Clock clock;

    public Throttle(RateLimiter limiter, RateLimitPolicy policy, BlockList blocks, Clock clock) {
        this.limiter = limiter;
        this.policy = policy;
        this.blocks = blocks;
        this.clock = clock;
    }

    /** A limit as a client sees it: its policy name, quota and window, what is left and when it is full again. */
    public record Quota(String policy, long quota, Duration window, long remaining, Duration reset) {}

    /** What an action finds. */
    public sealed interface Outcome {}

    /** Within every limit: the quotas it took from (none when no limit applies). */
    public record Passed(List<Quota> quotas) implements Outcome {}

    /** Over one limit. */
    public record Limited(Quota quota, Duration retryAfter) implements Outcome {}

    /** One of the keys is on the block list until {@code until}. */
    public record Blocked(Instant until, Duration retryAfter) implements Outcome {}

    /** Checks the block list, then takes one token per key from the bucket of its limit. */
    public Outcome check(String action, UserType userType, List<LimitKey> keys) {
        Optional<Instant> blockedUntil = blocks.blockedUntil(action, keys);
        if (blockedUntil.isPresent()) {
            Duration left = Duration.between(clock.instant(), blockedUntil.get());
            return new Blocked(blockedUntil.get(), left.isNegative() ? Duration.ZERO : left);
        }
        List<Quota> quotas = new ArrayList<>();
        for (LimitKey key : keys) {
            Optional<RateLimit> found = policy.limit(action, userType, key.kind());
            if (found.isEmpty()) {
                continue;
            }
            RateLimit limit = found.get();
            switch (limiter.tryConsume(limit, key.bucket())) {
                case RateLimiter.Allowed allowed ->
                    quotas.add(new Quota(
                            policyName(action, key.kind()),
                            limit.capacity(),
                            limit.period(),
                            allowed.remaining(),
                            allowed.reset()));
                case RateLimiter.Limited limited -> {
                    blocks.limitHit(action, userType, key);
                    return new Limited(
                            new Quota(
                                    policyName(action, key.kind()),
                                    limit.capacity(),
                                    limit.period(),
                                    0,
                                    limited.retryAfter()),
                            limited.retryAfter());
                }
            }
        }
        return new Passed(List.copyOf(quotas));
    }

    /**
     * Tells the block list of a failure that counts (a declined card on a pay link, say), counted for {@code key}; when
     * that blocks the key, the keys {@code alongside} (the address it came from) are blocked with it.
     */
    public void failed(String action, UserType userType, LimitKey key, List<LimitKey> alongside, String what) {
        blocks.failed(action, userType, key, alongside, what);
    }

    /** The table's limit, for throttles that count only some outcomes and use the {@link RateLimiter} themselves. */
    public Optional<RateLimit> limit(String action, UserType userType, KeyKind key) {
        return policy.limit(action, userType, key);
    }

    /** The actions an API request is besides {@link RateLimitPolicy#API}. */
    public List<String> actionsOf(String method, String path) {
        return policy.actionsOf(method, path);
    }

    /** A lifted block's key starts afresh: its buckets for the action are forgotten. */
    public void forget(String action, LimitKey key) {
        for (UserType userType : UserType.values()) {
            policy.limit(action, userType, key.kind()).ifPresent(limit -> limiter.forget(limit, key.bucket()));
        }
    }

    static String policyName(String action, KeyKind kind) {
        return action + "-per-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
