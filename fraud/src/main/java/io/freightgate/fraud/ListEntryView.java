package io.freightgate.fraud;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A value on one of the fraud lists.
 *
 * @param list {@code BLOCK} (never reaches Stripe), {@code WATCH} (reviewed) or {@code TRUST} (allowed: shippers only)
 * @param kind {@code CARD} (Stripe's card fingerprint), {@code IP}, {@code DEVICE}, {@code PAY_LINK} or {@code SHIPPER}
 * @param expiresAt when the entry stops counting; empty: until removed
 */
public record ListEntryView(
        UUID id,
        String list,
        String kind,
        String value,
        String reason,
        String createdBy,
        Instant createdAt,
        Optional<Instant> expiresAt) {}
