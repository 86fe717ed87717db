package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A user was invited; {@link Invitations} has mailed the link with {@code invitationToken} (single use, expiring at
 * {@code expiresAt}) to the user in the same transaction. {@code toString} masks the token.
 */
public record UserInvited(TenantId organization, UUID userId, String invitationToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "UserInvited[organization=" + organization + ", userId=" + userId + ", invitationToken=***, expiresAt="
                + expiresAt + "]";
    }
}
