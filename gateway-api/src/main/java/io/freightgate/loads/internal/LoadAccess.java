package io.freightgate.loads.internal;

import io.freightgate.kernel.LoadId;
import io.freightgate.loads.LoadNotFound;
import io.freightgate.loads.LoadViewer;
import io.freightgate.loads.internal.domain.Load;
import io.freightgate.platform.tenancy.Ownership;
import io.freightgate.platform.tenancy.Reach;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a load, for every facade of the module. PostgreSQL's row-level security already shows a load
 * only to its carrier's and its shipper's tenant (and to platform staff on the system path); on top of it a driver
 * sees only the loads assigned to them, only the carrier acts on its loads and only the shipper confirms a delivery.
 * Anyone else is told the load does not exist ({@link LoadNotFound}). Runs inside the calling facade's transaction.
 */
@Component
public class LoadAccess {

    private final LoadRecords loads;

    LoadAccess(LoadRecords loads) {
        this.loads = loads;
    }

    /** The load, if the viewer may see it. */
    public Optional<Load> find(LoadId id, LoadViewer viewer) {
        return loads.findById(id.value())
                .filter(load -> viewer.driver().map(load::assignedTo).orElse(true));
    }

    /** A load the viewer may see, or {@link LoadNotFound}. */
    public Load visible(LoadId id, LoadViewer viewer) {
        return find(id, viewer).orElseThrow(() -> new LoadNotFound(id));
    }

    /** A load the caller's carrier may act on (a driver: only when assigned to them), or {@link LoadNotFound}. */
    public Load managed(LoadId id, LoadViewer viewer) {
        return Ownership.require(find(id, viewer), Reach.OWN_TENANT, Load::carrier, () -> new LoadNotFound(id));
    }

    /** A load shipped for the caller's organization, or {@link LoadNotFound}. */
    public Load shipped(LoadId id) {
        return Ownership.require(
                find(id, LoadViewer.organization()), Reach.OWN_TENANT, Load::shipper, () -> new LoadNotFound(id));
    }
}
