package io.freightgate.flows;

import io.freightgate.billing.PaymentRequests;
import io.freightgate.disputes.DisputeDesk;
import io.freightgate.disputes.DisputeOpened;
import io.freightgate.disputes.DisputeOutcome;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.transfers.Transfers;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A dispute opened on the charge of a payment request: the request becomes {@code DISPUTED} (refunds wait for the
 * decision) and the carrier's transfer gets a {@code DISPUTE} hold, in that order, so the release policy never sees a
 * disputed request without its hold for long. A transfer already made is not held (a dispute does not reverse it).
 * Idempotent: both facade methods change nothing the second time. A dispute that the desk already knows as ended without a
 * loss (won, a closed inquiry, prevented: the first news FreightGate had of it was the decision, or the closing reaction
 * may have run first) holds nothing.
 */
@Component
class DisputeOpeningHoldsCarrierTransfer {

    private static final Logger log = LoggerFactory.getLogger(DisputeOpeningHoldsCarrierTransfer.class);

    private final PaymentRequests requests;
    private final Transfers transfers;
    private final DisputeDesk desk;
    private final SystemAccess systemAccess;

    DisputeOpeningHoldsCarrierTransfer(
            PaymentRequests requests, Transfers transfers, DisputeDesk desk, SystemAccess systemAccess) {
        this.requests = requests;
        this.transfers = transfers;
        this.desk = desk;
        this.systemAccess = systemAccess;
    }

    // Not in a transaction of its own: the facades bind the audited system scope before their transactions.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DisputeOpened event) {
        systemAccess.callAs(
                "flow:dispute-opening-holds-transfer",
                Optional.empty(),
                "hold the transfer of payment request " + event.paymentRequestId() + " for dispute "
                        + event.stripeDisputeId(),
                () -> {
                    boolean endedWithoutLoss = desk.dispute(event.disputeId())
                            .flatMap(dispute -> dispute.status().outcome())
                            .filter(outcome -> outcome != DisputeOutcome.LOST)
                            .isPresent();
                    if (!endedWithoutLoss) {
                        requests.markDisputed(event.paymentRequestId());
                        transfers.holdForDispute(event.paymentRequestId());
                    }
                    return null;
                });
        log.info("Dispute {} opened on payment request {}", event.stripeDisputeId(), event.paymentRequestId());
    }
}
