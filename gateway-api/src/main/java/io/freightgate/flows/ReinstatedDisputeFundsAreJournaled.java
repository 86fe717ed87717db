package io.freightgate.flows;

import io.freightgate.disputes.DisputeFundsReinstated;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.ledger.ChargebackJournals;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Money that came back after a won dispute, with the dispute fee, is journaled ({@code DISPUTE_REINSTATEMENT}): the
 * carrier's dispute reserve empties again. Idempotent: the journal is referenced by the dispute and posted once.
 */
@Component
class ReinstatedDisputeFundsAreJournaled {

    private final ChargebackJournals journals;
    private final SystemAccess systemAccess;

    ReinstatedDisputeFundsAreJournaled(ChargebackJournals journals, SystemAccess systemAccess) {
        this.journals = journals;
        this.systemAccess = systemAccess;
    }

    // Not in a transaction of its own: the ledger entry point binds the audited system scope before its transaction.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DisputeFundsReinstated event) {
        systemAccess.callAs(
                "flow:dispute-reinstatement-journaled",
                Optional.empty(),
                "journal the reinstatement of dispute " + event.stripeDisputeId(),
                () -> {
                    journals.journalReinstatement(
                            new PaymentRequestId(event.paymentRequestId()),
                            event.stripeDisputeId(),
                            event.amount(),
                            event.fee(),
                            event.at());
                    return null;
                });
    }
}
