package io.freightgate.payouts;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import java.time.LocalDate;
import java.util.Optional;

/** A carrier's payout reached its bank (Stripe's {@code payout.paid}); published once, when the payout becomes paid. */
public record PayoutPaid(
        PayoutId payoutId, TenantId carrier, String stripePayoutId, Money amount, Optional<LocalDate> arrivalDate) {}
