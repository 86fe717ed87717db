package io.freightgate.disputes;

import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Which cases a list shows; every criterion is optional. Lists are in deadline order (the nearest {@code due_by}
 * first, cases without one last, then the newest).
 *
 * @param deadlineBefore cases whose evidence is due before this instant
 */
public record DisputeFilter(
        Optional<DisputeStatus> status,
        Optional<DisputeReason> reason,
        Optional<TenantId> carrier,
        Optional<UUID> owner,
        Optional<Instant> deadlineBefore) {

    public static DisputeFilter none() {
        return new DisputeFilter(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
