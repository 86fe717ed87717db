package io.freightgate.fraud;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A key on the rate-limit block list (docs/fraud.md, "Block list").
 *
 * @param action what the key may not do meanwhile ({@code payment-attempt}, {@code api}, {@code login}, ...)
 * @param kind {@code API_CLIENT}, {@code USER}, {@code IP}, {@code PAY_LINK} (the link's hash) or {@code CARD}
 * @param userType the caller's kind when it was blocked: {@code CARRIER}, {@code SHIPPER}, {@code PLATFORM} or {@code
 *     ANONYMOUS}
 * @param cause {@code LIMIT_HITS} (kept hitting its limit) or {@code FAILURES} (declined payments, failed logins)
 * @param inForce whether the block holds now (not lifted, not ended)
 * @param liftedBy who lifted it before its end, with {@code liftedAt} and {@code liftReason}
 */
public record BlockView(
        UUID id,
        String action,
        String kind,
        String value,
        String userType,
        String cause,
        String reason,
        String blockedBy,
        Instant blockedAt,
        Instant until,
        boolean inForce,
        Optional<Instant> liftedAt,
        Optional<String> liftedBy,
        Optional<String> liftReason) {}
