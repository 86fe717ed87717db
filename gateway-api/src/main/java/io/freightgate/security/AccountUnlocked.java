package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.UUID;

/** A platform admin lifted the lock of a user's account. Consumed by fraud. */
public record AccountUnlocked(TenantId organization, UUID userId, String unlockedBy, Instant occurredAt) {}
