package io.freightgate.flows;

import io.freightgate.billing.PaymentRequests;
import io.freightgate.disputes.DisputeClosed;
import io.freightgate.disputes.DisputeDesk;
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
 * A dispute that ends without a loss gives back what it held: won, a closed inquiry ({@code warning_closed}) or a
 * prevented dispute returns the payment request to what it was before (paid, or refunded as it had been), then releases
 * the transfer's {@code DISPUTE} hold and offers the transfer to the release policy (which sends it when nothing else
 * keeps it waiting). The order matters: the policy waits while the request is disputed. While another dispute on the
 * same request is still open (two disputes on one charge), nothing is released: the last one to end decides; while another
 * one was lost, nothing is released either (its money is gone). A lost
 * dispute keeps the request disputed and the transfer held (finance decides; recovery comes with the liability work).
 * Idempotent: a replayed event releases nothing more.
 */
@Component
class WonDisputeReleasesCarrierTransfer {

    private static final Logger log = LoggerFactory.getLogger(WonDisputeReleasesCarrierTransfer.class);

    private final PaymentRequests requests;
    private final Transfers transfers;
    private final SystemAccess systemAccess;
    private final DisputeDesk desk;

    WonDisputeReleasesCarrierTransfer(
            PaymentRequests requests, Transfers transfers, SystemAccess systemAccess, DisputeDesk desk) {
        this.requests = requests;
        this.transfers = transfers;
        this.systemAccess = systemAccess;
        this.desk = desk;
    }

    // Not in a transaction of its own: the facades bind the audited system scope before their transactions, and the
    // transfer is sent to Stripe after they commit.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DisputeClosed event) {
        switch (event.outcome()) {
            case WON, INQUIRY_CLOSED, PREVENTED -> {
                // another dispute still open decides later; another one lost keeps the money where it is for good
                boolean anotherOpenOrLost = systemAccess.callAs(
                        "flow:won-dispute-releases-transfer",
                        Optional.empty(),
                        "look for other open or lost disputes on payment request " + event.paymentRequestId(),
                        () -> desk.ofPaymentRequest(event.paymentRequestId()).stream()
                                .filter(other -> !other.id().equals(event.disputeId()))
                                .anyMatch(other -> other.open()
                                        || other.status()
                                                .outcome()
                                                .filter(DisputeOutcome.LOST::equals)
                                                .isPresent()));
                if (anotherOpenOrLost) {
                    log.info(
                            "Dispute {} ended ({}), but another dispute on payment request {} is open or lost:"
                                    + " nothing released",
                            event.stripeDisputeId(),
                            event.outcome(),
                            event.paymentRequestId());
                    return;
                }
                systemAccess.callAs(
                        "flow:won-dispute-releases-transfer",
                        Optional.empty(),
                        "release the transfer of payment request " + event.paymentRequestId() + " after dispute "
                                + event.stripeDisputeId() + " ended " + event.outcome(),
                        () -> {
                            requests.markDisputeWon(event.paymentRequestId());
                            transfers.releaseDisputeHold(event.paymentRequestId());
                            return null;
                        });
                log.info(
                        "Dispute {} ended {}: payment request {} released",
                        event.stripeDisputeId(),
                        event.outcome(),
                        event.paymentRequestId());
            }
            case LOST -> {}
        }
    }
}
