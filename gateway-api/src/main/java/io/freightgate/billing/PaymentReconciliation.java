package io.freightgate.billing;

import io.freightgate.billing.internal.PaymentCancelSending;
import io.freightgate.billing.internal.PaymentCaptureSending;
import io.freightgate.billing.internal.PaymentIntentSending;
import io.freightgate.billing.internal.RefundSending;
import io.freightgate.platform.stripe.calls.StripeCallJanitor;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Settles the payments module's Stripe calls whose answer was lost or that are still pending at Stripe: PaymentIntent
 * creations, captures, cancels and refunds. It has no loop, schedule or lock of its own: the one
 * {@link StripeCallJanitor} (its schedule, under ShedLock {@code stripe-call-janitor}) settles these calls with every
 * other Stripe call, each looked up at Stripe first (a PaymentIntent by its id, or for a creation whose answer was lost
 * by its {@code freightgate_payment_attempt} metadata; a refund among the PaymentIntent's refunds) and sent again with
 * the same idempotency key only when Stripe has none. A PaymentIntent still processing (a SEPA debit) or waiting for
 * 3-D Secure is read again on the janitor's backoff until it is decided. This entry point runs one round over the
 * payments operations now (operators, tests).
 */
@Component
public class PaymentReconciliation {

    /** The operation types of the payments module's Stripe calls. */
    public static final List<String> OPERATIONS = List.of(
            PaymentIntentSending.OPERATION,
            PaymentCaptureSending.OPERATION,
            PaymentCancelSending.OPERATION,
            RefundSending.OPERATION);

    private final StripeCallJanitor janitor;

    PaymentReconciliation(StripeCallJanitor janitor) {
        this.janitor = janitor;
    }

    /** What a round did: calls looked at, settled, and still open. */
    public record Round(int examined, int settled, int stillOpen) {}

    /** One janitor round over the payments module's due calls. */
    public Round reconcile() {
        var round = janitor.run(OPERATIONS);
        return new Round(round.examined(), round.settled(), round.examined() - round.settled());
    }
}
