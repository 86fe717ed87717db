package io.freightgate.payouts;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A carrier's payout from its Stripe balance to its bank account. */
public record PayoutView(
        PayoutId id,
        TenantId carrier,
        Optional<String> stripePayoutId,
        boolean automatic,
        Money amount,
        PayoutStatus status,
        Optional<LocalDate> arrivalDate,
        Optional<String> failureCode,
        Optional<String> failureMessage,
        boolean remittanceReady,
        Instant createdAt,
        Instant updatedAt) {}
