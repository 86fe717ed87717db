package io.freightgate.payouts.internal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A Stripe payout of a connected account as Stripe reported it. {@code status} is Stripe's, lower case. */
public record PayoutSnapshot(
        String id,
        String account,
        long amountMinor,
        String currency,
        String status,
        boolean automatic,
        Optional<LocalDate> arrivalDate,
        Optional<String> failureCode,
        Optional<String> failureMessage,
        Instant created) {}
