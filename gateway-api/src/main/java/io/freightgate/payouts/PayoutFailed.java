package io.freightgate.payouts;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import java.util.Optional;

/**
 * A carrier's payout failed (Stripe's {@code payout.failed}: the bank refused it, e.g. a closed account); the funds are
 * back in the carrier's Stripe balance. Published once, when the payout becomes failed.
 */
public record PayoutFailed(
        PayoutId payoutId,
        TenantId carrier,
        String stripePayoutId,
        Money amount,
        Optional<String> failureCode,
        Optional<String> failureMessage) {}
