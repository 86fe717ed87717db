package io.freightgate.payouts.internal.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a snapshot of a Stripe object may replace the state FreightGate holds, given that webhooks arrive in any
 * order and {@code created} has second precision:
 *
 * <ul>
 *   <li>nothing applied yet: apply;
 *   <li>a snapshot from an event older than the applied state: stale, drop it (the newer state stays);
 *   <li>one from the same second: cannot tell which is newer, so fetch the object from Stripe;
 *   <li>a newer one: apply;
 *   <li>a fetched snapshot is the object as it is now: apply unless an event newer than the fetch was applied
 *       meanwhile.
 * </ul>
 */
public final class SnapshotOrdering {

    /** What to do with a snapshot. */
    public enum Decision {
        APPLY,
        STALE,
        FETCH
    }

    private SnapshotOrdering() {}

    public static Decision decide(Optional<Instant> applied, Instant observedAt, boolean fetched) {
        if (applied.isEmpty()) {
            return Decision.APPLY;
        }
        int order = observedAt.compareTo(applied.get());
        if (order < 0) {
            return Decision.STALE;
        }
        if (order == 0 && !fetched) {
            return Decision.FETCH;
        }
        return Decision.APPLY;
    }
}
