package io.freightgate.api;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/**
 * Who may reach a carrier's money endpoints ({@code /api/v1/carriers/{id}/...}: payout account, payouts): the carrier's
 * own admins and finance staff, and platform admins and finance staff across tenants (audited). Anyone else, or a
 * carrier naming another, gets 404, so existence does not leak.
 */
final class CarrierAccess {

    private CarrierAccess() {}

    /** Across tenants for platform staff; the own tenant for the carrier's own admins and finance staff. */
    static Reach reach(UUID carrierId, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (caller.isPlatformStaff(Role.PLATFORM_ADMIN, Role.FINANCE_AGENT, Role.FINANCE_SUPERVISOR)) {
            return Caller.STAFF;
        }
        if (caller.organization().value().equals(carrierId)
                && (caller.has(Role.CARRIER_ADMIN) || caller.has(Role.CARRIER_FINANCE))) {
            return Reach.ownTenant();
        }
        throw new NotFound("Carrier " + carrierId);
    }

    /** The carrier, or 404 when the id names no carrier the caller may see. */
    static OrganizationView carrier(OrganizationDirectory directory, UUID id, Reach reach) {
        return directory
                .find(new TenantId(id), reach)
                .filter(organization -> organization.type() == OrganizationType.CARRIER)
                .orElseThrow(() -> new NotFound("Carrier " + id));
    }
}
