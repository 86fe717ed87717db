package io.freightgate.flows;

import io.freightgate.billing.DeliveryProof;
import io.freightgate.loads.DeliveryConfirmed;
import io.freightgate.loads.DeliveryEvidence;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.transfers.TransferView;
import io.freightgate.transfers.Transfers;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A load whose delivery is confirmed releases the transfers of its payment requests that waited for delivery: the
 * payments facade records the confirmation with what its evidence is worth and offers each transfer to the release
 * policy, which sends it when everything else holds too (paid and settled, screening, payout account, verification, no
 * hold). Weak evidence (the carrier's unplaced, undated or misdated proof alone) is recorded as needing a second signal
 * and releases nothing; the shipper's confirmation or a telematics arrival later publishes strong evidence, which does.
 * The event reaches this listener through Spring Modulith's publication registry after the loads transaction commits,
 * so a crash in between republishes it at the next start, and Stripe is never called inside the loads transaction.
 * Idempotent: a second confirmation changes nothing and a transfer already sent stays sent.
 */
@Component
class ConfirmedDeliveriesReleaseTransfers {

    private static final Logger log = LoggerFactory.getLogger(ConfirmedDeliveriesReleaseTransfers.class);

    private final Transfers transfers;
    private final SystemAccess systemAccess;

    ConfirmedDeliveriesReleaseTransfers(Transfers transfers, SystemAccess systemAccess) {
        this.transfers = transfers;
        this.systemAccess = systemAccess;
    }

    // Not in a transaction of its own: the payments facade binds the audited system scope before its transactions.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DeliveryConfirmed event) {
        List<TransferView> offered = systemAccess.callAs(
                "flow:delivery-releases-transfers",
                Optional.empty(),
                "release the transfers of load " + event.loadId() + " after its delivery was confirmed",
                () -> transfers.deliveryConfirmedForLoad(event.loadId().value(), proof(event.evidence())));
        log.info(
                "Delivery of load {} confirmed: {} transfer(s) offered to the release policy",
                event.loadId(),
                offered.size());
    }

    /** An event published before evidence was weighed carries none: it proves nothing by itself either. */
    static DeliveryProof proof(@Nullable DeliveryEvidence evidence) {
        if (evidence == null) {
            return new DeliveryProof.NeedsSecondSignal("the delivery was recorded before its evidence was weighed");
        }
        return switch (evidence.strength()) {
            case STRONG -> new DeliveryProof.Sufficient(evidence.source());
            case WEAK -> new DeliveryProof.NeedsSecondSignal(evidence.reason());
        };
    }
}
