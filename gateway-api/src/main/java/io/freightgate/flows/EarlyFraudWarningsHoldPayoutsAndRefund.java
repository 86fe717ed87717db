package io.freightgate.flows;

import io.freightgate.billing.PaymentProviderUnavailable;
import io.freightgate.billing.Payments;
import io.freightgate.billing.RefundRefused;
import io.freightgate.billing.RefundView;
import io.freightgate.fraud.EarlyFraudWarningReceived;
import io.freightgate.fraud.EarlyFraudWarningView.Refund;
import io.freightgate.fraud.EarlyFraudWarnings;
import io.freightgate.payouts.PayoutHolds;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * An early fraud warning holds the carrier's payouts when the rules in force said so on its arrival (the default
 * {@code hold_payout if :early_fraud_warning:}; reference {@code efw:<issfr_...>}), and, when the refund policy covers
 * the payment, refunds it in full with reason {@code fraudulent} through the payments facade. A refund Stripe refuses
 * because the charge is disputed already ({@code charge_disputed}, or the request is disputed here) hands the warning
 * over to the dispute case: recorded, not retried. The hold stays until a risk analyst releases it (docs/runbooks):
 * a refund's reversal of the carrier's transfer and a dispute's outcome are what it protects.
 */
@Component
class EarlyFraudWarningsHoldPayoutsAndRefund {

    private static final Reach REFUNDS = Reach.acrossTenants("early fraud warning refund policy");

    private final EarlyFraudWarnings warnings;
    private final PayoutHolds holds;
    private final Payments payments;
    private final SystemAccess systemAccess;

    EarlyFraudWarningsHoldPayoutsAndRefund(
            EarlyFraudWarnings warnings, PayoutHolds holds, Payments payments, SystemAccess systemAccess) {
        this.warnings = warnings;
        this.holds = holds;
        this.payments = payments;
        this.systemAccess = systemAccess;
    }

    static String reference(String warningId) {
        return "efw:" + warningId;
    }

    // Not in a transaction of its own: the facades bind the audited system scope and call Stripe after their commits.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(EarlyFraudWarningReceived event) {
        systemAccess.callAs(
                "flow:early-fraud-warning",
                Optional.empty(),
                "hold payouts and apply the refund policy for early fraud warning " + event.warningId(),
                () -> {
                    if (warnings.holdsPayouts(event.warningId())) {
                        holds.hold(
                                event.carrier(),
                                reference(event.warningId()),
                                "Early fraud warning " + event.warningId() + " (" + event.fraudType()
                                        + ") on payment request "
                                        + event.paymentRequestId().value());
                    }
                    if (event.actionable() && warnings.claimRefundByPolicy(event.warningId())) {
                        refund(event);
                    }
                    return null;
                });
    }

    private void refund(EarlyFraudWarningReceived event) {
        try {
            RefundView refund =
                    payments.refund(event.paymentRequestId(), Optional.empty(), Optional.of("fraudulent"), REFUNDS);
            warnings.refundOutcome(
                    event.warningId(),
                    refund.outcome().equals("APPROVED") ? Refund.REFUNDED : Refund.UNCONFIRMED,
                    "Refund " + refund.id().value() + " " + refund.outcome());
        } catch (RefundRefused e) {
            warnings.refundOutcome(
                    event.warningId(),
                    e.chargeDisputed() ? Refund.HANDED_TO_DISPUTE : Refund.FAILED,
                    String.valueOf(e.getMessage()));
        } catch (PaymentProviderUnavailable e) {
            warnings.refundOutcome(event.warningId(), Refund.UNCONFIRMED, String.valueOf(e.getMessage()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the request is disputed here already (refunds wait for the dispute), or nothing is left to refund
            boolean disputed = e.getMessage() != null && e.getMessage().contains("is disputed");
            warnings.refundOutcome(
                    event.warningId(),
                    disputed ? Refund.HANDED_TO_DISPUTE : Refund.FAILED,
                    String.valueOf(e.getMessage()));
        }
    }
}
