package io.freightgate.api;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.security.Role;
import java.util.Arrays;
import org.springframework.security.core.Authentication;

/** Who is calling: the organization bound to the request and the roles of its token. */
record Caller(TenantId organization, Authentication authentication) {

    static Caller of(Authentication authentication) {
        return new Caller(Tenancy.requireTenant(), authentication);
    }

    boolean has(Role role) {
        return authentication.getAuthorities().stream()
                .anyMatch(authority -> role.authority().equals(authority.getAuthority()));
    }

    /** Staff of the platform organization holding one of the given platform roles act across tenants (audited). */
    boolean isPlatformStaff(Role... anyOf) {
        Role[] roles = anyOf.length == 0
                ? Arrays.stream(Role.values()).filter(Role::isPlatformStaff).toArray(Role[]::new)
                : anyOf;
        return OrganizationDirectory.PLATFORM.equals(organization)
                && Arrays.stream(roles).anyMatch(role -> role.isPlatformStaff() && has(role));
    }

    /**
     * Across tenants for platform staff holding one of the given platform roles (any platform role when none is given),
     * the caller's own tenant otherwise.
     */
    Reach reach(Role... staffRoles) {
        return isPlatformStaff(staffRoles) ? STAFF : Reach.ownTenant();
    }

    /** The grounds platform staff reach across tenants on. */
    static final Reach STAFF = Reach.acrossTenants("platform staff");
}
