package io.freightgate.fraud;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A rule snoozed for one value.
 *
 * @param kind {@code SHIPPER} (the organization's id), {@code CARD} (Stripe's card fingerprint), {@code DEVICE} or
 *     {@code IP}
 * @param active whether the rule is snoozed for the value now (not ended early and not yet expired)
 * @param endedBy who ended it before its time, if someone did
 */
public record SnoozeView(
        UUID id,
        UUID ruleId,
        String ruleName,
        String kind,
        String value,
        String reason,
        String createdBy,
        Instant createdAt,
        Instant until,
        boolean active,
        Optional<String> endedBy,
        Optional<Instant> endedAt) {}
