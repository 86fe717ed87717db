package io.freightgate.payouts;

import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A carrier's payout account as Stripe last reported it.
 *
 * @param transfersAllowed whether the carrier may receive transfers now (only when {@code ACTIVE})
 * @param syncedAt the Stripe time of the state shown (event {@code created} or fetch time)
 */
public record PayoutAccountView(
        TenantId carrier,
        Optional<String> stripeAccountId,
        PayoutAccountStatus status,
        String country,
        String payoutInterval,
        boolean chargesEnabled,
        boolean payoutsEnabled,
        boolean detailsSubmitted,
        boolean transfersAllowed,
        Optional<String> cardPaymentsCapability,
        Optional<String> transfersCapability,
        Requirements requirements,
        Optional<String> lastError,
        Optional<Instant> syncedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** What Stripe still needs from the carrier. */
    public record Requirements(
            List<String> currentlyDue,
            List<String> eventuallyDue,
            List<String> pastDue,
            Optional<String> disabledReason,
            Optional<Instant> currentDeadline) {}
}
