package io.freightgate.flows;

import io.freightgate.loads.LoadView;
import io.freightgate.loads.LoadViewer;
import io.freightgate.loads.Loads;
import io.freightgate.payments.LoadDeliveries;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Payments asks whether a load was delivered when its payment request is paid after the proof of delivery; the loads
 * module answers with the load's confirmed delivery time. Read in the payment's own tenant scope and transaction: the
 * load belongs to the request's carrier and is addressed to its shipper, so either side sees it.
 */
@Component
class LoadDeliveriesFromLoads implements LoadDeliveries {

    private final Loads loads;

    LoadDeliveriesFromLoads(Loads loads) {
        this.loads = loads;
    }

    @Override
    public Optional<Instant> deliveredAt(UUID loadId) {
        return loads.find(loadId, LoadViewer.organization()).flatMap(LoadView::deliveredAt);
    }
}
