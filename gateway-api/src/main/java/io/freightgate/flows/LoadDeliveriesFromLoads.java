package io.freightgate.flows;

import io.freightgate.billing.DeliveryProof;
import io.freightgate.billing.LoadDeliveries;
import io.freightgate.kernel.LoadId;
import io.freightgate.kernel.TenantId;
import io.freightgate.loads.LoadPlanning;
import io.freightgate.loads.LoadViewer;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Payments asks the loads module about the load a payment request names: whether it is the carrier's load for the
 * shipper (when the request is created; read through the audited system path, outside any transaction), and when its
 * delivery was confirmed and on what evidence (when the request is paid after the proof of delivery; read in the
 * payment's own tenant scope and transaction: the load belongs to the request's carrier and is addressed to its
 * shipper, so either side sees it).
 */
@Component
class LoadDeliveriesFromLoads implements LoadDeliveries {

    private final LoadPlanning loads;

    LoadDeliveriesFromLoads(LoadPlanning loads) {
        this.loads = loads;
    }

    @Override
    public boolean isLoadOf(UUID loadId, TenantId carrier, TenantId shipper) {
        return loads.find(new LoadId(loadId), LoadViewer.staff())
                .filter(load -> load.carrier().equals(carrier) && load.shipper().equals(shipper))
                .isPresent();
    }

    @Override
    public Optional<DeliveryProof> delivery(UUID loadId) {
        return loads.find(new LoadId(loadId), LoadViewer.organization())
                .filter(load -> load.deliveredAt().isPresent())
                .map(load -> ConfirmedDeliveriesReleaseTransfers.proof(
                        load.deliveryEvidence().orElse(null)));
    }
}
