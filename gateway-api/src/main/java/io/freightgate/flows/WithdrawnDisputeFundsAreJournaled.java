package io.freightgate.flows;

import io.freightgate.disputes.DisputeFundsWithdrawn;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.ledger.ChargebackJournals;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Money the card network withdrew for a dispute, and Stripe's dispute fee, are journaled ({@code DISPUTE_WITHDRAWAL}):
 * the amount into the carrier's dispute reserve, the fee to the platform's Stripe fees. Idempotent: the journal is
 * referenced by the dispute and posted once.
 */
@Component
class WithdrawnDisputeFundsAreJournaled {

    private final ChargebackJournals journals;
    private final SystemAccess systemAccess;

    WithdrawnDisputeFundsAreJournaled(ChargebackJournals journals, SystemAccess systemAccess) {
        this.journals = journals;
        this.systemAccess = systemAccess;
    }

    // Not in a transaction of its own: the ledger entry point binds the audited system scope before its transaction.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DisputeFundsWithdrawn event) {
        systemAccess.callAs(
                "flow:dispute-withdrawal-journaled",
                Optional.empty(),
                "journal the withdrawal of dispute " + event.stripeDisputeId(),
                () -> {
                    journals.journalWithdrawal(
                            new PaymentRequestId(event.paymentRequestId()),
                            event.stripeDisputeId(),
                            event.amount(),
                            event.fee(),
                            event.at());
                    return null;
                });
    }
}
