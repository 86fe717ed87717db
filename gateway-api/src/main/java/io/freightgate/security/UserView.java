package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A user as admins see it. {@code invitationToken} is present only in the answer to an invitation. {@code toString}
 * shows neither email nor token.
 */
public record UserView(
        UUID id,
        TenantId organization,
        String email,
        String displayName,
        List<Role> roles,
        String status,
        boolean totpEnabled,
        Optional<Instant> lockedUntil,
        Instant createdAt,
        Optional<String> invitationToken) {

    @Override
    public String toString() {
        return "UserView[id=" + id + ", organization=" + organization + ", status=" + status + "]";
    }
}
