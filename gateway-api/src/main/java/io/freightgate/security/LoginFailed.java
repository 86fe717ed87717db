package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A login attempt on a known user failed (wrong password, wrong second factor, locked or disabled account). Consumed
 * by fraud. {@code reason} is a code ({@code bad_credentials}, {@code bad_second_factor}, {@code locked},
 * {@code disabled}), never the password or code that was tried.
 */
public record LoginFailed(TenantId organization, UUID userId, String reason, String clientIp, Instant occurredAt) {}
