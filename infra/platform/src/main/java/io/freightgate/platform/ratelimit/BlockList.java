package io.freightgate.platform.ratelimit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keys blocked for a while: checked by the {@link Throttle} before any bucket, and told of every limit hit and counted
 * failure so that repeated ones block the key. The fraud module implements it (Redis with a TTL, mirrored in PostgreSQL
 * for the audit) and lets risk analysts see and lift blocks.
 */
public interface BlockList {

    /** Until when one of the keys is blocked for this action; empty when none is. */
    Optional<Instant> blockedUntil(String action, List<LimitKey> keys);

    /** The key went over its limit for this action. */
    void limitHit(String action, UserType userType, LimitKey key);

    /**
     * The key failed at this action in a way that counts (a declined payment attempt, a failed login); when that blocks
     * it, the keys {@code alongside} are blocked with it (the address that tested cards on a pay link).
     */
    void failed(String action, UserType userType, LimitKey key, List<LimitKey> alongside, String what);

    /** A block list that blocks nothing: for a module's tests that run the platform without the fraud module's. */
    static BlockList none() {
        return new BlockList() {
            @Override
            public Optional<Instant> blockedUntil(String action, List<LimitKey> keys) {
                return Optional.empty();
            }

            @Override
            public void limitHit(String action, UserType userType, LimitKey key) {}

            @Override
            public void failed(String action, UserType userType, LimitKey key, List<LimitKey> alongside, String what) {}
        };
    }
}
