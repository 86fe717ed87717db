package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.UUID;

/** Repeated failed logins locked a user's account until {@code lockedUntil}. Consumed by fraud. */
public record AccountLocked(
        TenantId organization, UUID userId, Instant lockedUntil, String clientIp, Instant occurredAt) {}
