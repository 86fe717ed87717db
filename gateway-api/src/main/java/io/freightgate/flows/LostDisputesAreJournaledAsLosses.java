package io.freightgate.flows;

import io.freightgate.disputes.DisputeClosed;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.ledger.ChargebackJournals;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A lost chargeback whose money was withdrawn is a loss: the disputed amount moves from the carrier's dispute reserve
 * to its dispute losses ({@code DISPUTE_LOST}). An inquiry (nothing withdrawn) and any other outcome journal nothing.
 * Idempotent: the journal is referenced by the dispute and posted once.
 */
@Component
class LostDisputesAreJournaledAsLosses {

    private final ChargebackJournals journals;
    private final SystemAccess systemAccess;

    LostDisputesAreJournaledAsLosses(ChargebackJournals journals, SystemAccess systemAccess) {
        this.journals = journals;
        this.systemAccess = systemAccess;
    }

    // Not in a transaction of its own: the ledger entry point binds the audited system scope before its transaction.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DisputeClosed event) {
        switch (event.outcome()) {
            case LOST ->
                event.withdrawn()
                        .ifPresent(withdrawn -> systemAccess.callAs(
                                "flow:lost-dispute-journaled",
                                Optional.empty(),
                                "journal the loss of dispute " + event.stripeDisputeId(),
                                () -> {
                                    journals.journalLoss(
                                            new PaymentRequestId(event.paymentRequestId()),
                                            event.stripeDisputeId(),
                                            event.amount(),
                                            event.at());
                                    return null;
                                }));
            case WON, INQUIRY_CLOSED, PREVENTED -> {}
        }
    }
}
