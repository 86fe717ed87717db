package io.freightgate.payouts;

import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * A hold on a carrier's payouts (ADR 0014): while any is active, the carrier's connected account pays out only
 * manually.
 *
 * @param reference what the hold is for, unique per carrier (e.g. {@code fraud-review:<id>}, {@code efw:<issfr_...>})
 */
public record PayoutHoldView(
        TenantId carrier,
        String reference,
        String reason,
        String heldBy,
        Instant heldAt,
        Optional<String> releasedBy,
        Optional<Instant> releasedAt) {

    public boolean active() {
        return releasedAt.isEmpty();
    }
}
