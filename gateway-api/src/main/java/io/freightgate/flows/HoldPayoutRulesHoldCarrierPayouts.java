package io.freightgate.flows;

import io.freightgate.fraud.PayoutHoldRuleFired;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.payouts.PayoutHolds;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A {@code hold_payout} rule that fired while a payment was screened holds its carrier's payouts (the connected account
 * pays out manually) until a risk analyst releases the hold ({@code DELETE /api/v1/carriers/{id}/payout-holds/...}).
 * One hold per payment request, so both screenings firing, or the event heard twice, hold once (ADR 0014).
 */
@Component
class HoldPayoutRulesHoldCarrierPayouts {

    private final PayoutHolds holds;
    private final SystemAccess systemAccess;

    HoldPayoutRulesHoldCarrierPayouts(PayoutHolds holds, SystemAccess systemAccess) {
        this.holds = holds;
        this.systemAccess = systemAccess;
    }

    static String reference(PaymentRequestId paymentRequest) {
        return "fraud-rule:" + paymentRequest.value();
    }

    // Not in a transaction of its own: the facade binds the audited system scope and calls Stripe after its commit.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PayoutHoldRuleFired event) {
        systemAccess.callAs(
                "flow:hold-payout-rule-holds-payouts",
                Optional.empty(),
                "hold the payouts of carrier " + event.carrier() + ": a hold_payout rule fired for payment request "
                        + event.paymentRequestId().value(),
                () -> holds.hold(
                        event.carrier(),
                        reference(event.paymentRequestId()),
                        "A hold_payout rule fired when payment request "
                                + event.paymentRequestId().value() + " was screened (" + event.stage() + ", decision "
                                + event.decisionId() + ")"));
    }
}
