package io.freightgate.support;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.security.AccessTokens;
import io.freightgate.security.Role;
import java.util.List;
import java.util.UUID;

/** Access tokens for the callers a test needs, signed with the gateway's own key. */
public record Callers(AccessTokens tokens) {

    public String platformAdmin() {
        return tokens.issue("admin-" + UUID.randomUUID(), OrganizationDirectory.PLATFORM, List.of(Role.PLATFORM_ADMIN));
    }

    public String platformStaff(Role role) {
        return tokens.issue("staff-" + UUID.randomUUID(), OrganizationDirectory.PLATFORM, List.of(role));
    }

    public String of(TenantId organization, Role... roles) {
        return tokens.issue("user-" + UUID.randomUUID(), organization, List.of(roles));
    }
}
