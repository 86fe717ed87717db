package io.freightgate.flows;

import io.freightgate.billing.PaymentRequests;
import io.freightgate.disputes.DisputeClosed;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.transfers.Transfers;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A won dispute gives the carrier its money back: the payment request is paid again, then the transfer's {@code
 * DISPUTE} hold is released and the transfer offered to the release policy (which sends it when nothing else keeps it
 * waiting). The order matters: the policy waits while the request is disputed. A lost dispute keeps the request
 * disputed and the transfer held (finance decides); a closed inquiry or a prevented dispute changes nothing here, as
 * before the dispute engine existed. Idempotent: a replayed event releases nothing more.
 */
@Component
class WonDisputeReleasesCarrierTransfer {

    private static final Logger log = LoggerFactory.getLogger(WonDisputeReleasesCarrierTransfer.class);

    private final PaymentRequests requests;
    private final Transfers transfers;
    private final SystemAccess systemAccess;

    WonDisputeReleasesCarrierTransfer(PaymentRequests requests, Transfers transfers, SystemAccess systemAccess) {
        this.requests = requests;
        this.transfers = transfers;
        this.systemAccess = systemAccess;
    }

    // Not in a transaction of its own: the facades bind the audited system scope before their transactions, and the
    // transfer is sent to Stripe after they commit.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DisputeClosed event) {
        switch (event.outcome()) {
            case WON -> {
                systemAccess.callAs(
                        "flow:won-dispute-releases-transfer",
                        Optional.empty(),
                        "release the transfer of payment request " + event.paymentRequestId() + " after dispute "
                                + event.stripeDisputeId() + " was won",
                        () -> {
                            requests.markDisputeWon(new PaymentRequestId(event.paymentRequestId()));
                            transfers.releaseDisputeHold(new PaymentRequestId(event.paymentRequestId()));
                            return null;
                        });
                log.info(
                        "Dispute {} won: payment request {} released",
                        event.stripeDisputeId(),
                        event.paymentRequestId());
            }
            case LOST, INQUIRY_CLOSED, PREVENTED -> {}
        }
    }
}
