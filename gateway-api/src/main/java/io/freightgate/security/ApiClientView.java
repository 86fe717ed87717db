package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An API client as its owners see it; {@code secret} is present only in the answer that created or rotated it, and
 * never again.
 */
public record ApiClientView(
        UUID id,
        TenantId organization,
        String clientId,
        String name,
        List<Role> roles,
        String status,
        Instant createdAt,
        Instant secretRotatedAt,
        Optional<String> secret) {

    @Override
    public String toString() {
        return "ApiClientView[clientId=" + clientId + ", organization=" + organization + ", status=" + status + "]";
    }
}
