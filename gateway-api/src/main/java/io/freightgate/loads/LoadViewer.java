package io.freightgate.loads;

import java.util.Optional;

/**
 * Who reads a load: platform staff across tenants, a driver (who sees only the loads assigned to them, by user id), or
 * the carrier's and shipper's other users, who see their organization's loads.
 */
public record LoadViewer(boolean acrossTenants, Optional<String> driver) {

    public static LoadViewer staff() {
        return new LoadViewer(true, Optional.empty());
    }

    public static LoadViewer organization() {
        return new LoadViewer(false, Optional.empty());
    }

    public static LoadViewer driver(String userId) {
        return new LoadViewer(false, Optional.of(userId));
    }
}
