package io.freightgate.payouts.internal.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A balance transaction of a connected account: Stripe's {@code type} ({@code payment}, {@code payment_refund},
 * {@code transfer_refund}, {@code adjustment}, {@code payout}...), gross amount, fee and net in minor units, and the
 * transfer it came from when Stripe's objects tell it (a transfer's destination payment, or a refund of one).
 * {@code availableOn} is when its funds became (or become) available for payouts.
 */
public record BalanceLine(
        String id,
        String type,
        long amountMinor,
        long feeMinor,
        long netMinor,
        String currency,
        String status,
        Instant created,
        Instant availableOn,
        Optional<String> sourceId,
        Optional<String> transferId,
        Optional<String> description) {}
