package io.freightgate.loads;

import io.freightgate.platform.tenancy.Reach;
import java.util.Optional;

/**
 * Who reads a load: platform staff across tenants, a driver (who sees only the loads assigned to them, by user id), or
 * the carrier's and shipper's other users, who see their organization's loads.
 */
public record LoadViewer(Reach reach, Optional<String> driver) {

    public static LoadViewer staff() {
        return new LoadViewer(Reach.acrossTenants("platform staff"), Optional.empty());
    }

    public static LoadViewer organization() {
        return new LoadViewer(Reach.ownTenant(), Optional.empty());
    }

    public static LoadViewer driver(String userId) {
        return new LoadViewer(Reach.ownTenant(), Optional.of(userId));
    }
}
